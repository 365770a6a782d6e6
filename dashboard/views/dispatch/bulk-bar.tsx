// Actions on the checked reports: triage, reject with a reason, merge into one of them. Each asks first: none can be undone.
import { useState } from 'react';
import { useDispatchI18n, type DispatchKey } from './strings.ts';

export interface BulkActions {
  triage: () => unknown;
  reject: (reason: string) => unknown;
  merge: () => unknown;
  clear: () => void;
}

const REASONS = ['duplicate', 'not_competent', 'insufficient_info', 'spam'] as const;

export function BulkBar({ count, actions }: { count: number; actions: BulkActions }) {
  const { d } = useDispatchI18n();
  const [reason, setReason] = useState('');
  const confirmThen = (what: string, run: () => unknown) => {
    if (window.confirm(`${what}: ${count} ${d('queue.count')}?`)) void run();
  };
  return (
    <div className="dx-bulk" role="group" aria-label={d('bulk.title')} data-testid="bulk-bar">
      <span className="small">
        {d('bulk.selected')}: <b>{count}</b>
      </span>
      <button
        type="button"
        className="dx-btn"
        data-action="bulk-triage"
        onClick={() => confirmThen(d('bulk.triage'), actions.triage)}
      >
        {d('bulk.triage')}
      </button>
      <select
        name="bulk-reason"
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
      <button
        type="button"
        className="dx-btn"
        data-action="bulk-reject"
        disabled={!reason}
        onClick={() => confirmThen(d('bulk.reject'), () => actions.reject(reason))}
      >
        {d('bulk.reject')}
      </button>
      {count > 1 && (
        <button
          type="button"
          className="dx-btn"
          data-action="bulk-merge"
          onClick={() => confirmThen(d('bulk.merge'), actions.merge)}
        >
          {d('bulk.merge')}
        </button>
      )}
      <button type="button" className="dx-btn" onClick={actions.clear}>
        {d('bulk.clear')}
      </button>
    </div>
  );
}
