// Beside the selected report: where it is in words and numbers (with copy), the reporter's other reports,
// the citizen's rating or reopening, and the canned replies of its category.
import { useEffect, useState } from 'react';
import { dispatchApi } from '../../data/dispatch-api.ts';
import type { ReportContextDTO } from '../../data/dispatch-types.ts';
import { joinDot } from './format.ts';
import { useDispatchI18n } from './strings.ts';

export interface ReportContextProps {
  reportId: string;
  version: number;
  onOpenReport: (id: string) => void;
  onCannedReply: (text: string) => void;
}

const metres = (m: number) => (m < 1000 ? `${m} m` : `${(m / 1000).toFixed(1)} km`);

export function ReportContext({ reportId, version, onOpenReport, onCannedReply }: ReportContextProps) {
  const { d, status, time } = useDispatchI18n();
  const [c, setC] = useState<ReportContextDTO | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    let live = true;
    dispatchApi.context(reportId).then(
      (x) => live && setC(x),
      () => live && setC(null),
    );
    return () => {
      live = false;
    };
  }, [reportId, version]);
  if (!c) return null;
  const coords = `${c.lat.toFixed(6)}, ${c.lng.toFixed(6)}`;
  const copy = () =>
    void navigator.clipboard?.writeText(coords).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="dx-context" data-testid="report-context">
      <p className="small" data-testid="address">
        {joinDot(
          c.address.commune,
          c.address.nearest &&
            `${d('context.near')} ${c.address.nearest.name} (${metres(c.address.nearest.distanceM)})`,
        )}
      </p>
      <p className="small">
        <span className="mono" data-testid="coords">
          {coords}
        </span>{' '}
        <button type="button" className="dx-btn dx-btn-small" onClick={copy} data-action="copy-coords">
          {copied ? d('context.copied') : d('context.copy')}
        </button>
      </p>
      {c.rating && (
        <p className="small" data-testid="rating">
          {d('context.rating')}: <b>{c.rating.stars}/5</b>
          {c.rating.comment ? ` — ${c.rating.comment}` : ''}
        </p>
      )}
      {c.reopenedByReporter && (
        <p className="small warn-text" data-testid="reopened">
          {d('context.reopened')} {time(c.reopenedByReporter.at)}
          {c.reopenedByReporter.reason ? `: ${c.reopenedByReporter.reason}` : ''}
        </p>
      )}
      {c.reporterHistory && c.reporterHistory.count > 0 && (
        <details className="small" data-testid="reporter-history">
          <summary>
            {d('context.history')}: {c.reporterHistory.count}
          </summary>
          <ul>
            {c.reporterHistory.recent.map((h) => (
              <li key={h.id}>
                <button type="button" className="dx-link mono" onClick={() => onOpenReport(h.id)}>
                  {h.code}
                </button>{' '}
                {joinDot(status(h.status), time(h.createdAt))}
              </li>
            ))}
          </ul>
        </details>
      )}
      {c.cannedReplies.length > 0 && (
        <select
          name="canned-reply"
          value=""
          aria-label={d('context.canned')}
          onChange={(e) => e.target.value && onCannedReply(e.target.value)}
        >
          <option value="">{d('context.canned')}…</option>
          {c.cannedReplies.map((r) => (
            <option key={r.id} value={r.text}>
              {r.text.length > 80 ? `${r.text.slice(0, 80)}…` : r.text}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
