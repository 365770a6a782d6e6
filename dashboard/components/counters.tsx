// KPI cards and ranked bar lists; each number has a data-testid for tests.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';

export function StatCard({ id, label, value }: { id: string; label: MessageKey; value: number | null }) {
  const { t, lang } = useI18n();
  return (
    <div className="stat" data-testid={`counter-${id}`}>
      <div className="stat-value" data-testid={`counter-${id}-value`}>
        {value === null ? '—' : value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}
      </div>
      <div className="stat-label">{t(label)}</div>
    </div>
  );
}

export interface BarRow {
  key: string;
  label: ReactNode;
  value: number;
  color?: [number, number, number];
}

export function BarList({ id, title, rows }: { id: string; title: MessageKey; rows: BarRow[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <section className="bars" data-testid={`counter-${id}`} aria-label={t(title)}>
      <h2 className="panel-h">{t(title)}</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.key} data-testid={`counter-${id}-${r.key}`} data-value={r.value}>
            <span className="bar-label">
              {r.color && (
                <span className="swatch" style={{ background: `rgb(${r.color.join(',')})` }} aria-hidden="true" />
              )}
              {r.label}
            </span>
            <span className="bar-value">{r.value}</span>
            <span className="bar-track" aria-hidden="true">
              <span
                className="bar-fill"
                style={{
                  width: `${(100 * r.value) / max}%`,
                  background: r.color ? `rgb(${r.color.join(',')})` : undefined,
                }}
              />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
