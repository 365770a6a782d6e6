// The selected report: what, where, who, its SLA and timeline, duplicates to merge, units to send, and the actions.
import { useEffect, useState } from 'react';
import type { TransitionBody } from '../../data/dispatch-api.ts';
import type { QueueItemDTO, UnitDTO } from '../../data/dispatch-types.ts';
import type { Detail } from '../../data/use-dispatch-queue.ts';
import type { Reference } from '../../data/use-reference.ts';
import { joinDot } from './format.ts';
import { PhotoStrip } from './photo-strip.tsx';
import { ReportContext } from './report-context.tsx';
import { SlaBadge } from './sla-badge.tsx';
import { useDispatchI18n, type DispatchKey } from './strings.ts';

export interface DetailPanelProps {
  detail: Detail;
  selected: QueueItemDTO | null;
  reference: Reference;
  now: number;
  units: UnitDTO[];
  agencyName: (id: string | null) => string | null;
  tradeName: (code: string | null) => string | null;
  status: (s: string) => string;
  onTransition: (b: TransitionBody) => unknown;
  onAssign: (unitId: string) => unknown;
  onMerge: (into: string) => unknown;
  /** Opens another report (the reporter's history links), whether or not the queue shows it. */
  onOpenReport: (id: string) => void;
}

const REASONS = ['duplicate', 'not_competent', 'insufficient_info', 'spam'] as const;
const km = (m: number) => (m < 1000 ? `${m} m` : `${(m / 1000).toFixed(1)} km`);

export function DetailPanel({
  detail,
  selected: r,
  reference,
  now,
  units,
  agencyName,
  tradeName,
  status,
  onTransition,
  onAssign,
  onMerge,
  onOpenReport,
}: DetailPanelProps) {
  const { d, dk, categoryName, time } = useDispatchI18n();
  const [note, setNote] = useState('');
  const [reply, setReply] = useState('');
  const [reason, setReason] = useState<string>('');
  useEffect(() => {
    setNote('');
    setReply('');
    setReason('');
  }, [r?.id, r?.version]);
  if (!r)
    return (
      <section className="dx-detail">
        <p className="muted">{d('detail.none')}</p>
      </section>
    );
  const firstMatch = detail.nearest.find((u) => u.matchesRouting);
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  const body = (to: string): TransitionBody => ({
    to,
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(reply.trim() ? { publicReply: reply.trim() } : {}),
    ...(to === 'rejected' && reason ? { reason } : {}),
  });
  return (
    <section className="dx-detail" data-testid="detail" data-report-id={r.id} data-status={r.status}>
      <header className="dx-detail-head">
        <h2 className="mono">{r.code}</h2>
        <span className={`dx-status s-${r.status}`} data-testid="detail-status">
          {status(r.status)}
        </span>
        <SlaBadge sla={r.sla} now={now} />
      </header>
      <p className="dx-meta">
        {joinDot(
          categoryName(reference.categoryByCode[r.category], r.category),
          (r.areaCode && reference.areaNames[r.areaCode]?.vi) || r.areaName,
          time(r.createdAt),
        )}
      </p>
      {r.agencyId && (
        <p className="small" data-testid="detail-agency">
          {d('filter.agency')}: <b>{agencyName(r.agencyId)}</b>
        </p>
      )}
      <p className="dx-desc">{r.description}</p>
      <PhotoStrip reportId={r.id} />
      <ReportContext
        reportId={r.id}
        version={r.version}
        onOpenReport={onOpenReport}
        onCannedReply={(text) => {
          setReply(text);
          document.querySelector<HTMLTextAreaElement>('[name="publicReply"]')?.focus();
        }}
      />
      <p className="small muted">
        {d('detail.reporter')}:{' '}
        {r.reporter.anonymous
          ? d('detail.anonymous')
          : [r.reporter.name, r.reporter.phone].filter(Boolean).join(' · ') || '—'}
      </p>
      {r.unitId && (
        <p className="small">
          {d('detail.assignedTo')}: <b data-testid="detail-unit">{unitName(r.unitId)}</b>
        </p>
      )}
      {r.incidentId && (
        <p className="small">
          {d('detail.incident')} #{r.incidentId}: {status(r.incidentStatus ?? r.status)} · {r.incidentSize}{' '}
          {d('detail.reporters')}
        </p>
      )}

      <h3 className="panel-h">{d('action.title')}</h3>
      <div className="dx-actions">
        <textarea
          name="note"
          placeholder={d('action.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
        />
        <textarea
          name="publicReply"
          placeholder={d('action.reply')}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
          rows={2}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && r.allowedTransitions.includes('resolved'))
              onTransition(body('resolved'));
          }}
        />
        {r.allowedTransitions.includes('rejected') && (
          <select
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-label={d('action.reason')}
          >
            <option value="">{d('action.reason')}…</option>
            {REASONS.map((x) => (
              <option key={x} value={x}>
                {d(`reason.${x}` as DispatchKey)}
              </option>
            ))}
          </select>
        )}
        <div className="dx-buttons">
          {r.allowedTransitions.map((to) => (
            <button
              key={to}
              type="button"
              className={`dx-btn to-${to}`}
              data-action={to}
              onClick={() => onTransition(body(to))}
            >
              {dk(`to.${to}`)}
            </button>
          ))}
        </div>
      </div>

      <h3 className="panel-h">{d('detail.units')}</h3>
      <ul className="dx-units" data-testid="nearest-units">
        {detail.nearest.length === 0 && <li className="muted small">{d('detail.noUnits')}</li>}
        {detail.nearest.map((u) => (
          <li key={u.id} data-unit-id={u.id} data-matches={u.matchesRouting ? 'true' : 'false'}>
            <span>
              {u.name} <span className="muted small">· {joinDot(tradeName(u.trade), km(u.distanceM ?? 0))}</span>
              {/* The server lists the routed agency's unit of the right trade first; the others are only for a choice by hand. */}
              {!u.matchesRouting && (
                <span className="small warn-text" data-other-agency>
                  {' '}
                  · {u.trade !== detail.routed.trade ? d('detail.otherTrade') : d('detail.otherAgency')}
                </span>
              )}
            </span>
            {r.canAssign && (
              <button type="button" className="dx-btn" data-action="assign" onClick={() => onAssign(u.id)}>
                {d('detail.assign')}
                {u.id === firstMatch?.id ? ' (A)' : ''}
              </button>
            )}
          </li>
        ))}
      </ul>

      <h3 className="panel-h">{d('detail.duplicates')}</h3>
      <ul className="dx-dups" data-testid="duplicates">
        {detail.duplicates.length === 0 && <li className="muted small">{d('detail.noDuplicates')}</li>}
        {detail.duplicates.map((x) => (
          <li key={x.id}>
            <span>
              <span className="mono">{x.code}</span> · {status(x.status)} · {km(x.distanceM)}
              <br />
              <span className="small muted">{x.description}</span>
            </span>
            {r.canMerge && (
              <button type="button" className="dx-btn" data-action="merge" onClick={() => onMerge(x.id)}>
                {d('detail.merge')}
              </button>
            )}
          </li>
        ))}
      </ul>

      <h3 className="panel-h">{d('detail.timeline')}</h3>
      <ol className="dx-timeline" data-testid="timeline">
        {detail.timeline.map((e) => (
          <li key={e.id}>
            <span className="small muted">{joinDot(time(e.at), e.actor?.name)}</span>
            <span>
              {e.from !== e.to && <>{status(e.from)} → </>}
              <b>{status(e.to)}</b>
              {e.reason ? ` (${dk(`reason.${e.reason}`)})` : ''}
              {e.unitId ? ` · ${unitName(e.unitId)}` : ''}
            </span>
            {e.internalNote && (
              <span className="small">
                <b>{d('timeline.note')}:</b> {e.internalNote}
              </span>
            )}
            {e.publicReply && (
              <span className="small dx-reply">
                <b>{d('timeline.reply')}:</b> {e.publicReply}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
