// Up to five photos from the camera or the gallery, resized on the phone, shown as thumbnails before sending.
import { useEffect, useId, useState } from 'react';
import { useCitizenI18n } from '../strings.ts';
import { resizeImage } from './resize-image.ts';

export const MAX_PHOTOS = 5;

export function PhotoPicker({ photos, onChange }: { photos: Blob[]; onChange: (p: Blob[]) => void }) {
  const { c } = useCitizenI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [urls, setUrls] = useState<string[]>([]);

  useEffect(() => {
    const next = photos.map((p) => URL.createObjectURL(p));
    setUrls(next);
    return () => next.forEach((u) => URL.revokeObjectURL(u));
  }, [photos]);

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    const room = MAX_PHOTOS - photos.length;
    const resized = await Promise.all([...files].slice(0, room).map((f) => resizeImage(f)));
    setBusy(false);
    onChange([...photos, ...resized]);
  };

  return (
    <div className="field">
      <span className="label-like" id={`${id}-l`}>
        {c('what.photos')}
      </span>
      <ul className="thumbs" aria-labelledby={`${id}-l`}>
        {urls.map((u, i) => (
          <li key={u}>
            <img src={u} alt={`${c('what.photos')} ${i + 1}`} data-testid="photo-thumb" />
            <button
              type="button"
              className="thumb-remove"
              aria-label={`${c('what.removePhoto')} ${i + 1}`}
              onClick={() => onChange(photos.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {photos.length < MAX_PHOTOS ? (
        <label className="big-btn secondary file-btn" aria-busy={busy}>
          {c('what.addPhoto')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
            multiple
            className="visually-hidden"
            data-testid="photo-input"
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      ) : (
        <p className="muted">{c('what.photoLimit')}</p>
      )}
    </div>
  );
}
