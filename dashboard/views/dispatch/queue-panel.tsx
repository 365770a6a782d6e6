// The queue: filters on top, the true total, reports in the chosen order with their SLA clock, paging, bulk actions.
import type { QueueFilters } from '../../data/dispatch-api.ts';
import type { QueueItemDTO, UnitDTO } from '../../data/dispatch-types.ts';
import type { Reference } from '../../data/use-reference.ts';
import { BulkBar, type BulkActions } from './bulk-bar.tsx';
import { joinDot } from './format.ts';
import { QueueFilterBar } from './queue-filters.tsx';
import { SlaBadge } from './sla-badge.tsx';
import { useDispatchI18n } from './strings.ts';

export interface QueuePanelProps {
  items: QueueItemDTO[];
  total: number;
  hasMore: boolean;
  onMore: () => void;
  loaded: boolean;
  now: number;
  filters: QueueFilters;
  onFilters: (f: QueueFilters) => void;
  reference: Reference;
  agencies: { id: string; name: string }[];
  units: UnitDTO[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  checked: ReadonlySet<string>;
  onCheck: (id: string, on: boolean) => void;
  bulk: BulkActions | null;
  canEscalate: boolean;
}

export function QueuePanel(p: QueuePanelProps) {
  const { d, status, categoryName, time } = useDispatchI18n();
  const { items, reference, now, selectedId, checked } = p;
  const unitName = (id: string) => p.units.find((u) => u.id === id)?.name ?? id;
  const areaName = (r: QueueItemDTO) => (r.areaCode && reference.areaNames[r.areaCode]?.vi) || r.areaName || null;
  return (
    <section className="dx-queue" aria-label={d('queue.title')}>
      <QueueFilterBar
        filters={p.filters}
        onFilters={p.onFilters}
        reference={reference}
        agencies={p.agencies}
        canEscalate={p.canEscalate}
      />
      <h2 className="panel-h">
        {d('queue.title')} · <span data-testid="queue-count">{p.total}</span> {d('queue.count')}
        {items.length < p.total && (
          <span className="muted small" data-testid="queue-shown">
            {' '}
            ({d('queue.shown')} {items.length})
          </span>
        )}
      </h2>
      {p.bulk && checked.size > 0 && <BulkBar count={checked.size} actions={p.bulk} />}
      <ol className="dx-list" data-testid="queue">
        {p.loaded && items.length === 0 && <li className="muted">{d('queue.empty')}</li>}
        {items.map((r) => (
          <li key={r.id} className="dx-row">
            {p.bulk && (
              <input
                type="checkbox"
                className="dx-check"
                aria-label={`${d('bulk.select')} ${r.code}`}
                checked={checked.has(r.id)}
                onChange={(e) => p.onCheck(r.id, e.target.checked)}
              />
            )}
            <button
              type="button"
              className={`dx-item${r.id === selectedId ? ' selected' : ''}`}
              data-report-id={r.id}
              data-code={r.code}
              data-status={r.status}
              aria-current={r.id === selectedId}
              onClick={() => p.onSelect(r.id)}
            >
              <span className="dx-item-top">
                <span className="mono">{r.code}</span>
                <SlaBadge sla={r.sla} now={now} />
              </span>
              <span className="dx-item-mid">
                {categoryName(reference.categoryByCode[r.category], r.category)} ·{' '}
                <span data-testid="item-status">{status(r.status)}</span>
              </span>
              <span className="dx-item-desc">{r.description}</span>
              <span className="dx-item-bot muted small">
                {joinDot(areaName(r), time(r.createdAt), r.unitId && unitName(r.unitId))}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {p.hasMore && (
        <button type="button" className="dx-btn dx-more" data-action="more" onClick={p.onMore}>
          {d('queue.more')}
        </button>
      )}
      <p className="muted small dx-keys">{d('keys')}</p>
    </section>
  );
}
