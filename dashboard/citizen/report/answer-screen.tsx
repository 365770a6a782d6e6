// After sending: the tracking code large, a QR of the tracking link, save/share (Web Share, else copy).
import { useEffect, useState } from 'react';
import { useCitizenI18n } from '../strings.ts';
import type { CreatedCitizenReport } from '../types.ts';

export function trackingLink(r: CreatedCitizenReport): string {
  return new URL(r.trackingUrl ?? `/track/${encodeURIComponent(r.code)}`, window.location.origin).href;
}

export function AnswerScreen({ result, onAnother }: { result: CreatedCitizenReport; onAnother: () => void }) {
  const { c } = useCitizenI18n();
  const link = trackingLink(result);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    // Loaded here, not with the form: the QR encoder is no part of what a phone needs before the first screen.
    import('qrcode')
      .then(({ default: QRCode }) => QRCode.toDataURL(link, { margin: 1, width: 220, errorCorrectionLevel: 'M' }))
      .then(setQr, () => setQr(null));
  }, [link]);

  const share = async () => {
    const data = { title: `${c('done.code')} ${result.code}`, text: `${c('done.code')}: ${result.code}`, url: link };
    if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
      try {
        return await navigator.share(data);
      } catch {
        /* dismissed: fall through to copying */
      }
    }
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      (document.getElementById('tracking-link') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <section className="step answer" aria-label={c('done.title')}>
      <p className="muted">{c('done.code')}</p>
      <p className="tracking-code mono" data-testid="tracking-code">
        {result.code}
      </p>
      {result.area && (
        <p>
          {c('where.commune')}: <strong>{result.area.name}</strong>
        </p>
      )}
      {qr && <img className="qr" src={qr} width={220} height={220} alt={c('done.qr')} data-testid="tracking-qr" />}
      <label htmlFor="tracking-link" className="visually-hidden">
        {c('done.track')}
      </label>
      <input id="tracking-link" className="link-field mono" readOnly value={link} onFocus={(e) => e.target.select()} />
      {result.trackingSecret && <p className="muted">{c('done.keep')}</p>}
      <div className="actions">
        <button type="button" className="big-btn" onClick={() => void share()} data-testid="share">
          {c('done.share')}
        </button>
        <a className="big-btn secondary" href={link} data-testid="track-link">
          {c('done.track')}
        </a>
      </div>
      {copied && <p role="status">{c('done.copied')}</p>}
      <button type="button" className="link-btn" onClick={onAnother}>
        {c('done.another')}
      </button>
    </section>
  );
}
