// The public story of a report as steps received -> triaged -> assigned -> in progress -> resolved,
// each reached step with its time and the agency's public reply.
import { useCitizenI18n } from '../strings.ts';
import type { TrackDTO } from '../types.ts';

const PHASES = ['received', 'triaged', 'assigned', 'in_progress', 'resolved'] as const;

/** The step a status stands at: a reopened report is back at the start, a closed one past the end. */
function stepOf(status: string): number {
  if (status === 'closed') return PHASES.length - 1;
  return PHASES.indexOf(status as (typeof PHASES)[number]);
}

export function Timeline({ data }: { data: TrackDTO }) {
  const { c, ck, lang, time } = useCitizenI18n();
  const reachedIndex = stepOf(data.status);
  return (
    <section aria-labelledby="tl-h">
      <h2 id="tl-h">{c('track.timeline')}</h2>
      <ol className="phases" data-testid="phases">
        {PHASES.map((p, i) => (
          <li
            key={p}
            className={i <= reachedIndex ? 'reached' : ''}
            aria-current={i === reachedIndex ? 'step' : undefined}
          >
            <span className="phase-dot" aria-hidden="true">
              {i <= reachedIndex ? '✓' : i + 1}
            </span>
            {ck(`phase.${p}`)}
          </li>
        ))}
      </ol>
      <ol className="timeline" data-testid="timeline">
        {data.timeline.map((e, i) => (
          <li key={`${e.at}-${i}`} data-status={e.status}>
            <time dateTime={e.at}>{time(e.at)}</time> <strong>{lang === 'vi' ? e.label : e.labelEn}</strong>
            {e.publicReply && (
              <blockquote className="reply" data-testid="public-reply">
                <span className="muted">{c('track.reply')}: </span>
                {e.publicReply}
              </blockquote>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
