// The queue: filters on top, then reports most urgent first with their SLA clock.
import type { QueueFilters } from '../../data/dispatch-api.ts';
import type { QueueItemDTO, UnitDTO } from '../../data/dispatch-types.ts';
import type { Reference } from '../../data/use-reference.ts';
import { STATUSES_SHOWN, SlaBadge } from './sla-badge.tsx';
import { useDispatchI18n } from './strings.ts';

export interface QueuePanelProps {
  items: QueueItemDTO[];
  loaded: boolean;
  now: number;
  filters: QueueFilters;
  onFilters: (f: QueueFilters) => void;
  reference: Reference;
  units: UnitDTO[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  canEscalate: boolean;
}

export function QueuePanel({
  items,
  loaded,
  now,
  filters,
  onFilters,
  reference,
  units,
  selectedId,
  onSelect,
  canEscalate,
}: QueuePanelProps) {
  const { d, lang, status, categoryName, time } = useDispatchI18n();
  const set = (k: keyof QueueFilters) => (e: { target: { value: string } }) =>
    onFilters({ ...filters, [k]: e.target.value });
  const agencies = [
    ...new Set([...units.map((u) => u.agencyId), ...items.map((i) => i.agencyId).filter((a): a is string => !!a)]),
  ].sort();
  const communes = Object.entries(reference.areaNames).sort((a, b) => a[1].vi.localeCompare(b[1].vi, 'vi'));
  return (
    <section className="dx-queue" aria-label={d('queue.title')}>
      <div className="dx-filters">
        <label>
          {d('filter.status')}
          <select name="filter-status" value={filters.status} onChange={set('status')}>
            <option value="">{d('filter.allOpen')}</option>
            {STATUSES_SHOWN.map((s) => (
              <option key={s} value={s}>
                {status(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {d('filter.category')}
          <select name="filter-category" value={filters.category} onChange={set('category')}>
            <option value="">{d('filter.any')}</option>
            {reference.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {categoryName(c, c.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {d('filter.agency')}
          <select name="filter-agency" value={filters.agency} onChange={set('agency')}>
            <option value="">{d('filter.any')}</option>
            {agencies.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {d('filter.commune')}
          <select name="filter-commune" value={filters.commune} onChange={set('commune')}>
            <option value="">{d('filter.any')}</option>
            {communes.map(([code, n]) => (
              <option key={code} value={code}>
                {n[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {d('filter.time')}
          <select name="filter-time" value={filters.sinceHours} onChange={set('sinceHours')}>
            <option value="">{d('filter.any')}</option>
            <option value="1">{d('filter.1h')}</option>
            <option value="24">{d('filter.24h')}</option>
            <option value="168">{d('filter.7d')}</option>
          </select>
        </label>
        {canEscalate && (
          <label>
            {d('filter.view')}
            <select name="filter-view" value={filters.view} onChange={set('view')}>
              <option value="all">{d('filter.view.all')}</option>
              <option value="supervisor">{d('filter.view.supervisor')}</option>
            </select>
          </label>
        )}
      </div>
      <h2 className="panel-h">
        {d('queue.title')} · <span data-testid="queue-count">{items.length}</span> {d('queue.count')}
      </h2>
      <ol className="dx-list" data-testid="queue">
        {loaded && items.length === 0 && <li className="muted">{d('queue.empty')}</li>}
        {items.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className={`dx-item${r.id === selectedId ? ' selected' : ''}`}
              data-report-id={r.id}
              data-code={r.code}
              data-status={r.status}
              aria-current={r.id === selectedId}
              onClick={() => onSelect(r.id)}
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
                {r.areaName ?? ''} · {time(r.createdAt)}
                {r.unitId ? ` · ${r.unitId}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <p className="muted small dx-keys">{d('keys')}</p>
    </section>
  );
}
