// Reports per category over the last 24 h (per hour) and 7 days (per local day), drawn with Observable Plot.
// Plot is imported on demand (usePlot): it is in no first bundle.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CategoryDTO, WallStatsDTO } from '../../ingest/presenters/dto.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePlot, type PlotModule } from '../data/use-plot.ts';
import { trendTickFormat } from './trend-ticks.ts';

type TrendRow = WallStatsDTO['trends']['hourly'][number];

interface ColorScale {
  domain: string[];
  range: string[];
  tickFormat: (code: string) => string;
}

export function WallTrends({
  stats,
  categoryByCode,
}: {
  stats: WallStatsDTO | null;
  categoryByCode: Record<string, CategoryDTO>;
}) {
  const { t, categoryName } = useI18n();
  const plot = usePlot();
  // One colour per category for both charts (the 7 days hold every category of the 24 h), and one legend.
  const color = useMemo<ColorScale | null>(() => {
    if (!stats) return null;
    const domain = [...new Set([...stats.trends.daily, ...stats.trends.hourly].map((r) => r.category))];
    return {
      domain,
      range: domain.map((c) => `rgb(${(categoryByCode[c]?.color ?? [120, 120, 120]).join(',')})`),
      tickFormat: (c: string) => categoryName(categoryByCode[c], c),
    };
  }, [stats, categoryByCode, categoryName]);
  const legend = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = legend.current;
    if (!plot || !el || !color || color.domain.length === 0) return;
    const font = parseFloat(getComputedStyle(el).fontSize);
    const swatches = plot.legend({
      color: { ...color, type: 'categorical' },
      swatchSize: font * 0.8,
      style: { fontSize: `${font}px` },
    });
    el.replaceChildren(swatches);
    return () => swatches.remove();
  }, [plot, color]);
  const shared = { plot, color, timeZone: stats?.timeZone };
  return (
    <section className="wall-trends" aria-label={t('wall.trends')}>
      <div className="wall-trends-legend" data-testid="wall-trends-legend" ref={legend} />
      <TrendChart {...shared} rows={stats?.trends.hourly} per="hour" title="wall.trends.24h" />
      <TrendChart {...shared} rows={stats?.trends.daily} per="day" title="wall.trends.7d" />
    </section>
  );
}

function TrendChart(props: {
  plot: PlotModule | null;
  rows: TrendRow[] | undefined;
  /** The centre's zone, whose hours and days the answer counted in (the stats answer names it). */
  timeZone: string | undefined;
  per: 'hour' | 'day';
  title: MessageKey;
  color: ColorScale | null;
}) {
  const { plot: Plot, rows, timeZone, per, title, color } = props;
  const { t, lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number; font: number } | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const next = {
        width: Math.floor(el.clientWidth),
        height: Math.floor(el.clientHeight),
        font: parseFloat(getComputedStyle(el).fontSize),
      };
      // Only a real change redraws (a new object with the same figures would draw again for nothing).
      setSize((s) => (s && s.width === next.width && s.height === next.height && s.font === next.font ? s : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!Plot || !el || !rows || !timeZone || !color || !size || size.width < 50 || size.height < 50) return;
    const data = rows.map((r) => ({ ...r, at: new Date(r.at) }));
    const tickFormat = trendTickFormat(lang, timeZone, per);
    const f = size.font;
    const chart = Plot.plot({
      width: size.width,
      height: size.height,
      style: { fontSize: `${f}px`, background: 'transparent', overflow: 'visible' },
      marginLeft: f * 2.5,
      marginBottom: f * 2,
      marginTop: f * 0.8,
      x: { type: 'utc', label: null, ticks: per === 'hour' ? 4 : 7, tickFormat },
      y: { grid: true, label: null, ticks: 4, tickFormat: (n: number) => (Number.isInteger(n) ? String(n) : '') },
      color: { domain: color.domain, range: color.range },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(data, { x: 'at', y: 'n', stroke: 'category', strokeWidth: Math.max(2, f / 6), curve: 'monotone-x' }),
        ...(per === 'day' ? [Plot.dot(data, { x: 'at', y: 'n', fill: 'category', r: f / 4 })] : []),
      ],
    });
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [Plot, rows, timeZone, size, per, color, lang]);
  return (
    <figure className="wall-trend" data-testid="wall-trend" data-per={per}>
      <figcaption className="wall-trend-title">{t(title)}</figcaption>
      <div className="wall-trend-chart" ref={box} />
      {rows && rows.length === 0 && <p className="wall-muted">{t('wall.trends.none')}</p>}
    </figure>
  );
}
