// A utility's cut schedule (CSV: area, start, end, reason) -> scheduled outage alerts, from a file or pasted.
import { useState, type FormEvent } from 'react';
import { call, DispatchError, reasonIn } from '../data/dispatch-api.ts';
import { useAlertsI18n } from './strings.ts';

export function OutageImport() {
  const { a, lang } = useAlertsI18n();
  const [csv, setCsv] = useState('');
  const [utility, setUtility] = useState<'power' | 'water'>('power');
  const [lead, setLead] = useState(120);
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const res = await call<{ alerts: { id: string; state: string }[] }>('POST', '/api/v1/alerts/outages', {
        csv,
        utility,
        leadMinutes: lead,
      });
      setResult({ ok: true, lines: res.alerts.map((x) => `#${x.id} · ${a(`state.${x.state}` as 'state.scheduled')}`) });
      window.dispatchEvent(new Event('hientruong:alert-desk'));
    } catch (err) {
      const fields = err instanceof DispatchError ? err.fields : undefined;
      const head = err instanceof DispatchError ? (lang === 'vi' ? (err.messageVi ?? err.message) : err.message) : '';
      setResult({
        ok: false,
        lines: fields?.length ? fields.map((f) => `${f.field}: ${reasonIn(f, lang)}`) : [head || String(err)],
      });
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="outage-title" data-testid="outage-import">
      <h2 id="outage-title">{a('outage.title')}</h2>
      <p className="small">{a('outage.hint')}</p>
      <label>
        {a('outage.file')}
        <input type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />
      </label>
      <label>
        CSV
        <textarea rows={4} value={csv} onChange={(e) => setCsv(e.target.value)} name="csv" />
      </label>
      <div className="row">
        <label>
          {a('outage.utility')}
          <select value={utility} onChange={(e) => setUtility(e.target.value as 'power' | 'water')}>
            <option value="power">{a('outage.power')}</option>
            <option value="water">{a('outage.water')}</option>
          </select>
        </label>
        <label>
          {a('outage.lead')}
          <input type="number" min={0} max={10080} value={lead} onChange={(e) => setLead(Number(e.target.value))} />
        </label>
      </div>
      <button type="submit" disabled={!csv.trim()}>
        {a('outage.submit')}
      </button>
      {result && (
        <ul role={result.ok ? 'status' : 'alert'}>
          {result.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
