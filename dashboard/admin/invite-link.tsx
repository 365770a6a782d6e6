// The invite link an administrator hands over (shown once): as text to copy and as a QR code to scan from a phone.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useAdminI18n } from './strings.ts';

export interface IssuedLink {
  username: string;
  /** '/invite#<token>': the page's origin is put in front, so the link matches how the admin reached the server. */
  path: string;
  expiresAt: string;
}

export function InviteLink({ issued }: { issued: IssuedLink }) {
  const { a, time } = useAdminI18n();
  const link = `${window.location.origin}${issued.path}`;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(link, { margin: 1, width: 200, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [link]);
  return (
    <div className="ad-invite" data-testid="invite-link">
      <p className="small">{a('invite.once', { name: issued.username, until: time(issued.expiresAt) })}</p>
      <code data-testid="invite-url">{link}</code>{' '}
      <button type="button" className="dx-btn" onClick={() => void navigator.clipboard?.writeText(link)}>
        {a('copy')}
      </button>
      {qr && <img src={qr} width={200} height={200} alt={a('invite.qr')} data-testid="invite-qr" />}
    </div>
  );
}
