// Per commune or agency: received, % resolved on time, median hours to resolve (30 or 365 days), as a
// table and an Observable Plot bar chart. Loaded only when opened; Plot comes after it (usePlot), so no citizen
// page's bundle holds it and the table does not wait for it.
import { useEffect, useRef, useState } from 'react';
import { getJson } from '../../data/api.ts';
import { usePlot } from '../../data/use-plot.ts';
import type { TransparencyDTO } from '../../data/types.ts';
import { useCitizenI18n } from '../strings.ts';

type Window = TransparencyDTO['window'];
type By = TransparencyDTO['by'];
const TOP = 12;

export default function TransparencyPanel() {
  const { c, lang } = useCitizenI18n();
  const [win, setWin] = useState<Window>('30d');
  const [by, setBy] = useState<By>('commune');
  const [data, setData] = useState<TransparencyDTO | null>(null);
  const chart = useRef<HTMLDivElement>(null);
  const Plot = usePlot();

  useEffect(() => {
    const ctl = new AbortController();
    getJson<TransparencyDTO>(`/api/v1/transparency?window=${win}&by=${by}`, null, ctl.signal).then(setData, () => {});
    return () => ctl.abort();
  }, [win, by]);

  const name = (r: TransparencyDTO['rows'][number]) => (lang === 'vi' ? r.name : r.nameEn);
  const rows = data?.rows ?? [];

  useEffect(() => {
    const el = chart.current;
    if (!el || !Plot) return;
    const rated = rows.filter((r) => r.onTimeRate !== null).slice(0, TOP);
    if (!rated.length) return el.replaceChildren();
    const plot = Plot.plot({
      width: el.clientWidth || 340,
      height: 28 * rated.length + 40,
      marginLeft: Math.min(160, (el.clientWidth || 340) * 0.45),
      x: { domain: [0, 100], label: `${c('tx.onTime')} (%)`, grid: true },
      y: { label: null },
      style: { fontSize: '14px', background: 'transparent', color: 'currentColor' },
      marks: [
        Plot.barX(rated, {
          y: name,
          x: (r: (typeof rated)[number]) => (r.onTimeRate ?? 0) * 100,
          fill: '#0e7490',
          sort: { y: '-x' },
        }),
        Plot.ruleX([0]),
      ],
    });
    plot.setAttribute('role', 'img');
    plot.setAttribute('aria-label', c('tx.chart'));
    el.replaceChildren(plot);
  });

  return (
    <section className="transparency" aria-labelledby="tx-h" data-testid="transparency">
      <h2 id="tx-h" className="panel-h">
        {c('map.transparency')}
      </h2>
      <div className="seg" role="group" aria-label={c('map.transparency')}>
        {(['30d', '365d'] as const).map((w) => (
          <button key={w} type="button" aria-pressed={win === w} onClick={() => setWin(w)}>
            {c(w === '30d' ? 'tx.window30' : 'tx.window365')}
          </button>
        ))}
      </div>
      <div className="seg" role="group">
        {(['commune', 'agency'] as const).map((b) => (
          <button key={b} type="button" aria-pressed={by === b} data-testid={`tx-by-${b}`} onClick={() => setBy(b)}>
            {c(b === 'commune' ? 'tx.byCommune' : 'tx.byAgency')}
          </button>
        ))}
      </div>
      <div ref={chart} className="tx-chart" />
      {rows.length === 0 ? (
        <p className="muted">{c('tx.empty')}</p>
      ) : (
        <div className="tx-table-wrap">
          <table className="tx-table">
            <thead>
              <tr>
                <th scope="col">{c('tx.name')}</th>
                <th scope="col">{c('tx.received')}</th>
                <th scope="col">{c('tx.onTime')}</th>
                <th scope="col">{c('tx.median')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{name(r)}</th>
                  <td>{r.received}</td>
                  <td>{r.onTimeRate === null ? '—' : `${Math.round(r.onTimeRate * 100)}%`}</td>
                  <td>{r.medianHoursToResolve ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
