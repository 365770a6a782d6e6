// Overdue reports per agency, most overdue first: who the room should call.
import type { WallStatsDTO } from '../../ingest/presenters/dto.ts';
import { useI18n } from '../i18n/i18n.tsx';

const ROWS = 8;

export function WallOverdue({ stats }: { stats: WallStatsDTO | null }) {
  const { t, lang } = useI18n();
  const rows = (stats?.byAgency ?? []).filter((a) => a.overdue > 0).slice(0, ROWS);
  return (
    <section className="wall-overdue" aria-label={t('wall.overdue.title')}>
      <h2>{t('wall.overdue.title')}</h2>
      {stats && rows.length === 0 && <p className="wall-muted">{t('wall.overdue.none')}</p>}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('wall.overdue.agency')}</th>
              <th scope="col">{t('wall.kpi.overdue')}</th>
              <th scope="col">{t('wall.kpi.open')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.agencyId ?? ''} data-testid="wall-overdue-row">
                <th scope="row" className="wall-overdue-name">
                  {(lang === 'vi' ? a.name : a.nameEn) ?? t('wall.overdue.unrouted')}
                </th>
                <td className="wall-overdue-count">{a.overdue.toLocaleString(lang)}</td>
                <td>{a.open.toLocaleString(lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
