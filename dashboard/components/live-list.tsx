// Newest reports first; a row is a button that flies the map to the report.
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { CategoryDTO, Report } from '../data/types.ts';
import { statusStyles } from '../layers/palette.ts';

export interface LiveListProps {
  reports: Report[];
  categories: Record<string, CategoryDTO>;
  areaName: (r: Report) => string;
  selectedId: string | null;
  onSelect: (r: Report) => void;
}

export function LiveList({ reports: incoming, categories, areaName, selectedId, onSelect }: LiveListProps) {
  const { t, time, status, categoryName } = useI18n();
  // Rows hold still while the pointer or focus is in the list, so a busy feed stays clickable.
  const [held, setHeld] = useState(false);
  const frozen = useRef(incoming);
  if (!held) frozen.current = incoming;
  // Held rows keep their place but still show the newest status.
  const fresh = new Map(incoming.map((r) => [r.id, r]));
  const reports = held ? frozen.current.map((r) => fresh.get(r.id) ?? r) : incoming;
  // Keyboard focus holds too (a pointer click's focus does not, or the list would stay frozen after a click).
  const holdIfKeyboard = (e: { target: EventTarget }) => {
    if ((e.target as HTMLElement).matches?.(':focus-visible')) setHeld(true);
  };
  const release = (e: { currentTarget: HTMLElement; relatedTarget: EventTarget | null }) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld(false);
  };
  return (
    <section
      className="live"
      aria-label={t('list.latest')}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={holdIfKeyboard}
      onBlur={release}
    >
      <h2 className="panel-h">
        {t('list.latest')}
        {held && (
          <span className="paused" data-testid="live-paused">
            {' '}
            · {t('list.paused')}
          </span>
        )}
      </h2>
      {reports.length === 0 && <p className="muted">{t('list.empty')}</p>}
      <ol className="live-list" data-testid="live-list">
        {reports.map((r) => {
          const cat = categories[r.category];
          const ring = statusStyles[r.status]?.line ?? [200, 200, 200];
          return (
            <li key={r.id}>
              <button
                type="button"
                className="live-row"
                data-testid={`report-row-${r.code}`}
                data-code={r.code}
                aria-current={r.id === selectedId}
                title={t('list.flyTo')}
                onClick={() => onSelect(r)}
              >
                <span
                  className="swatch"
                  style={{ background: cat ? `rgb(${cat.color.join(',')})` : '#999' }}
                  aria-hidden="true"
                />
                <span className="live-code">{r.code}</span>
                <span className="live-time">{time(r.createdAt)}</span>
                <span className="live-cat">{categoryName(cat, r.category)}</span>
                <span className="live-area">{areaName(r)}</span>
                <span className="pill" style={{ borderColor: `rgb(${ring.join(',')})` }} data-status={r.status}>
                  {status(r.status)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
