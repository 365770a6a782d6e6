// Hover card for a report point, hexagon or commune; positioned by the caller from deck's pick info.
import { useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { CategoryDTO, Report } from '../data/types.ts';
import { isStaffReport } from '../data/types.ts';

export type HoverTarget =
  | { kind: 'report'; report: Report }
  | { kind: 'hex'; count: number }
  | { kind: 'sensitive'; count: number }
  | { kind: 'area'; name: string; count: number | null };

export interface MapTooltipProps {
  x: number;
  y: number;
  target: HoverTarget;
  categories: Record<string, CategoryDTO>;
  areaName: (r: Report) => string;
}

export function MapTooltip({ x, y, target, categories, areaName }: MapTooltipProps) {
  const { t, status, categoryName, time } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: x + 14, top: y + 14 });
  // Kept inside the map: flipped to the other side of the pointer, then clamped, so a phone never loses it.
  useLayoutEffect(() => {
    const box = el.current;
    const parent = box?.offsetParent as HTMLElement | null;
    if (!box || !parent) return;
    const [w, h, pw, ph] = [box.offsetWidth, box.offsetHeight, parent.clientWidth, parent.clientHeight];
    const place = (p: number, size: number, room: number) =>
      Math.max(4, Math.min(p + 14 + size <= room - 4 ? p + 14 : p - 14 - size, room - size - 4));
    setPos({ left: place(x, w, pw), top: place(y, h, ph) });
  }, [x, y, target]);
  return (
    <div ref={el} className="tooltip" style={pos} role="tooltip" data-testid="map-tooltip">
      {target.kind === 'report' && (
        <dl>
          <dt>{t('field.code')}</dt>
          <dd className="mono">{target.report.code}</dd>
          <dt>{t('field.category')}</dt>
          <dd>{categoryName(categories[target.report.category], target.report.category)}</dd>
          <dt>{t('field.status')}</dt>
          <dd>{status(target.report.status)}</dd>
          <dt>{t('field.area')}</dt>
          <dd>{areaName(target.report)}</dd>
          <dt>{t('field.time')}</dt>
          <dd>{time(target.report.createdAt)}</dd>
          {isStaffReport(target.report) && target.report.description && (
            <>
              <dt>{t('field.description')}</dt>
              <dd>{target.report.description}</dd>
            </>
          )}
        </dl>
      )}
      {target.kind === 'hex' && (
        <div>
          {t('hex.count')}: <b>{target.count}</b>
        </div>
      )}
      {target.kind === 'sensitive' && (
        <div>
          {t('sensitive.count')}: <b>{target.count}</b>
          <br />
          <span className="small">{t('sensitive.note')}</span>
        </div>
      )}
      {target.kind === 'area' && (
        <div>
          <b>{target.name}</b>
          {target.count !== null && (
            <>
              {' '}
              · {t('hex.count')}: {target.count}
            </>
          )}
        </div>
      )}
    </div>
  );
}
