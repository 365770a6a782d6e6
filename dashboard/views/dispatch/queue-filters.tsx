// The queue's filters: search, sort, status, category, agency (by name), commune, time, escalation, saved filters.
import { useEffect, useState } from 'react';
import { dispatchApi, filtersFromSaved, queueParams, type QueueFilters } from '../../data/dispatch-api.ts';
import type { SavedFilterDTO } from '../../data/dispatch-types.ts';
import type { Reference } from '../../data/use-reference.ts';
import { REPORT_STATUSES } from '../../../domain/report-status.ts';
import { useDispatchI18n } from './strings.ts';

export interface QueueFiltersProps {
  filters: QueueFilters;
  onFilters: (f: QueueFilters) => void;
  reference: Reference;
  agencies: { id: string; name: string }[];
  canEscalate: boolean;
}

export function QueueFilterBar({ filters, onFilters, reference, agencies, canEscalate }: QueueFiltersProps) {
  const { d, lang, status, categoryName } = useDispatchI18n();
  const [search, setSearch] = useState(filters.q);
  const [saved, setSaved] = useState<SavedFilterDTO[]>([]);
  const set = (k: keyof QueueFilters) => (e: { target: { value: string } }) =>
    onFilters({ ...filters, [k]: e.target.value });
  const communes = Object.entries(reference.areaNames).sort((a, b) => a[1].vi.localeCompare(b[1].vi, 'vi'));
  const loadSaved = () =>
    void dispatchApi
      .savedFilters()
      .then((r) => setSaved(r.filters))
      .catch(() => setSaved([]));
  useEffect(loadSaved, []);
  useEffect(() => setSearch(filters.q), [filters.q]);
  const saveCurrent = async () => {
    const name = window.prompt(d('saved.name'))?.trim();
    if (!name) return;
    const query = Object.fromEntries([...queueParams(filters).entries()].filter(([k]) => k !== 'since'));
    await dispatchApi.saveFilter(name, query).catch(() => {});
    loadSaved();
  };
  return (
    <div className="dx-filters">
      <form
        className="dx-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onFilters({ ...filters, q: search });
          // Enter searches and hands the keys back to the list (J/K, T, A work again).
          (document.activeElement as HTMLElement | null)?.blur();
        }}
      >
        <input
          name="queue-search"
          type="search"
          value={search}
          placeholder={d('search.placeholder')}
          aria-label={d('search.label')}
          onChange={(e) => setSearch(e.target.value)}
        />
      </form>
      <label>
        {d('sort.label')}
        <select name="queue-sort" value={filters.sort} onChange={set('sort')}>
          <option value="deadline">{d('sort.deadline')}</option>
          <option value="priority">{d('sort.priority')}</option>
          <option value="age">{d('sort.age')}</option>
        </select>
      </label>
      <label>
        {d('filter.status')}
        <select name="filter-status" value={filters.status} onChange={set('status')}>
          <option value="">{d('filter.allOpen')}</option>
          {REPORT_STATUSES.map((s) => (
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
            <option key={a.id} value={a.id}>
              {a.name}
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
      <label>
        {d('saved.label')}
        <select
          name="saved-filter"
          value=""
          onChange={(e) => {
            const f = saved.find((x) => x.id === e.target.value);
            if (f) onFilters(filtersFromSaved(f.query));
          }}
        >
          <option value="">{saved.length ? d('saved.pick') : d('saved.none')}</option>
          {saved.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="dx-btn" data-action="save-filter" onClick={() => void saveCurrent()}>
        {d('saved.save')}
      </button>
      <span className="dx-export">
        {d('export.label')}:{' '}
        <a href={`/api/v1/queue/export.csv?${queueParams(filters).toString()}`} download data-testid="export-csv">
          CSV
        </a>{' '}
        ·{' '}
        <a
          href={`/api/v1/queue/export.geojson?${queueParams(filters).toString()}`}
          download
          data-testid="export-geojson"
        >
          GeoJSON
        </a>
      </span>
    </div>
  );
}
