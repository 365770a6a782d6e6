// The report's photos for staff, at once, each with approve / reject for the public (the desk moderates).
import { useEffect, useState } from 'react';
import { call, DispatchError } from '../../data/dispatch-api.ts';
import type { StaffPhotoDTO } from '../../data/dispatch-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const TEXT = {
  vi: {
    title: 'Ảnh người dân gửi',
    pending: 'Chờ duyệt',
    approved: 'Đã duyệt công khai',
    rejected: 'Không công khai',
    approve: 'Duyệt',
    reject: 'Từ chối',
    open: 'Mở ảnh lớn',
    photo: 'Ảnh',
  },
  en: {
    title: "Citizen's photos",
    pending: 'Awaiting review',
    approved: 'Public',
    rejected: 'Kept private',
    approve: 'Approve',
    reject: 'Reject',
    open: 'Open full size',
    photo: 'Photo',
  },
} as const;

const strip = { display: 'flex', gap: 8, flexWrap: 'wrap', margin: '8px 0' } as const;
const figure = { margin: 0, width: 112, fontSize: 13 } as const;
const thumb = { width: 112, height: 84, objectFit: 'cover', borderRadius: 4, display: 'block' } as const;

export function PhotoStrip({ reportId }: { reportId: string }) {
  const { lang } = useI18n();
  const t = TEXT[lang === 'en' ? 'en' : 'vi'];
  const [photos, setPhotos] = useState<StaffPhotoDTO[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setPhotos([]);
    call<{ photos: StaffPhotoDTO[] }>('GET', `/api/v1/reports/${reportId}/photos`)
      .then((r) => live && setPhotos(r.photos))
      .catch(() => live && setPhotos([]));
    return () => {
      live = false;
    };
  }, [reportId]);

  const moderate = async (id: string, decision: 'approve' | 'reject') => {
    setError(null);
    try {
      const updated = await call<StaffPhotoDTO>('POST', `/api/v1/photos/${id}/moderation`, { decision });
      setPhotos((list) => list.map((p) => (p.id === id ? updated : p)));
    } catch (e) {
      setError(e instanceof DispatchError ? (lang === 'vi' && e.messageVi) || e.message : String(e));
    }
  };

  if (photos.length === 0) return null;
  return (
    <section aria-label={t.title} data-testid="photo-strip">
      <h3 className="panel-h">{t.title}</h3>
      <div style={strip}>
        {photos.map((p, i) => (
          <figure key={p.id} style={figure} data-moderation={p.moderation}>
            <a href={p.displayUrl} target="_blank" rel="noreferrer" title={t.open}>
              <img src={p.thumbUrl} alt={`${t.photo} ${i + 1}`} style={thumb} loading="lazy" />
            </a>
            <figcaption>{t[p.moderation]}</figcaption>
            <button type="button" disabled={p.moderation === 'approved'} onClick={() => void moderate(p.id, 'approve')}>
              {t.approve}
            </button>{' '}
            <button type="button" disabled={p.moderation === 'rejected'} onClick={() => void moderate(p.id, 'reject')}>
              {t.reject}
            </button>
          </figure>
        ))}
      </div>
      {error && (
        <p className="small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
