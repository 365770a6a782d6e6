// /track/<code>[?k=secret]: the public story of one report, live; with the secret, the reporter's actions.
import { useEffect, useMemo } from 'react';
import { CitizenShell } from '../citizen-shell.tsx';
import { useCitizenI18n } from '../strings.ts';
import { CodeBox } from './code-box.tsx';
import { ReporterActions } from './reporter-actions.tsx';
import { Timeline } from './timeline.tsx';
import { useTrack } from './use-track.ts';
import { useCategories } from '../use-categories.ts';
import { CitizenAlerts } from '../../alerts/citizen-alerts.tsx';
import { ReportPushOptIn } from '../../alerts/push-subscribe.tsx';

function fromLocation(): { code: string; secret: string | null } {
  const code = decodeURIComponent(window.location.pathname.replace(/^\/track\/?/, '').replace(/\/+$/, ''));
  return { code, secret: new URLSearchParams(window.location.search).get('k') };
}

export function TrackView() {
  const { code, secret } = useMemo(fromLocation, []);
  const { c, t } = useCitizenI18n();
  useEffect(() => {
    document.title = `${code || c('track.title')} · ${t('app.name')}`;
  }, [c, t, code]);
  return (
    <CitizenShell title={c('track.title')}>{code ? <Tracked code={code} secret={secret} /> : <CodeBox />}</CitizenShell>
  );
}

function Tracked({ code, secret }: { code: string; secret: string | null }) {
  const { c, time, status, categoryName } = useCitizenI18n();
  const { data, error, connection, reload } = useTrack(code, secret);
  const categories = useCategories();
  if (error === 'not_found')
    return (
      <>
        <p role="alert" className="warn-text" data-testid="track-not-found">
          {c('track.notFound')}: <span className="mono">{code}</span>
        </p>
        <CodeBox initial={code} />
      </>
    );
  if (!data) return <p aria-busy="true">…</p>;
  return (
    <div className="step" data-testid="track">
      <CitizenAlerts areaCode={data.area?.code} />
      <p className="tracking-code mono">{data.code}</p>
      <dl className="facts">
        <dt>{c('track.status')}</dt>
        <dd data-testid="track-status" data-status={data.status} data-phase={data.phase}>
          {status(data.status)}
        </dd>
        <dt>{c('track.category')}</dt>
        <dd>
          {categoryName(
            categories.find((k) => k.code === data.category),
            data.category,
          )}
        </dd>
        <dt>{c('track.area')}</dt>
        <dd>{data.area?.name ?? '—'}</dd>
        <dt>{c('track.created')}</dt>
        <dd>{time(data.createdAt)}</dd>
        {data.deadline && (
          <>
            <dt>{c('track.deadline')}</dt>
            <dd>{time(data.deadline)}</dd>
          </>
        )}
      </dl>
      <p className="muted small" data-connection={connection}>
        {connection === 'live' ? `● ${c('track.live')}` : ''}
      </p>
      <Timeline data={data} />
      {data.photos.length > 0 && (
        <section aria-labelledby="ph-h">
          <h2 id="ph-h">{c('track.photos')}</h2>
          <ul className="thumbs">
            {data.photos.map((p, i) => (
              <li key={p.id}>
                <a href={p.displayUrl}>
                  <img
                    src={p.thumbUrl}
                    alt={`${c('track.photos')} ${i + 1}`}
                    loading="lazy"
                    data-testid="track-photo"
                  />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {secret && data.reporter && <ReporterActions data={data} secret={secret} onDone={reload} />}
      {secret && data.reporter && <ReportPushOptIn code={data.code} secret={secret} />}
    </div>
  );
}
