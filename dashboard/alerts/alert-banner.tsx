// The banner over a map or page: the alerts in force where the person is looking or standing, newest first.
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import { useAlertsI18n } from './strings.ts';

/** Over a map by default; `inline` in a page's flow (the citizen pages). */
export function AlertBanner({ alerts, inline = false }: { alerts: AlertDTO[]; inline?: boolean }) {
  const { a, ak, lang } = useAlertsI18n();
  if (alerts.length === 0) return null;
  const time = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
    });
  return (
    <section
      className={inline ? 'alert-banner inline' : 'alert-banner'}
      aria-label={a('banner.label')}
      data-testid="alert-banner"
    >
      {alerts.map((al) => (
        <article key={al.id} className={`alert-item sev-${al.severity}`} role="alert" data-alert-id={al.id}>
          <strong>
            {ak(`severity.${al.severity}`)} · {ak(`category.${al.category}`)}
          </strong>
          <h2>{lang === 'en' && al.titleEn ? al.titleEn : al.title}</h2>
          {al.body && <p>{lang === 'en' && al.bodyEn ? al.bodyEn : al.body}</p>}
          <p className="small">
            {al.areaDesc && `${al.areaDesc} · `}
            {a('banner.until')} {time(al.expires)} ·{' '}
            <a href={al.capUrl} lang="en">
              CAP
            </a>
          </p>
        </article>
      ))}
    </section>
  );
}
