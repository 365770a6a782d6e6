import { describe, expect, it } from 'vitest';
import { placeLabels, type Placeable } from './label-placement.ts';

const opts = {
  project: ([x, y]: [number, number]) => ({ x, y }),
  measure: (t: string) => t.length * 10,
  size: 10,
  margin: 2,
  width: 500,
  height: 500,
};
const label = (code: string, x: number, y: number, priority: number, text = 'Xã A'): Placeable => ({
  code,
  text,
  position: [x, y],
  priority,
});

describe('placeLabels', () => {
  it('keeps the larger commune where two names would overlap, and both once apart', () => {
    const close = placeLabels([label('small', 100, 100, 1), label('big', 110, 104, 9)], opts);
    expect(close.map((l) => l.code)).toEqual(['big']);
    const apart = placeLabels([label('small', 100, 100, 1), label('big', 100, 140, 9)], opts);
    expect(apart.map((l) => l.code).sort()).toEqual(['big', 'small']);
  });
  it('no two placed boxes intersect, whatever the crowd', () => {
    const crowd = Array.from({ length: 200 }, (_, i) =>
      label(`c${i}`, (i * 37) % 480, (i * 53) % 480, i % 7, 'Phường X'),
    );
    const placed = placeLabels(crowd, opts);
    expect(placed.length).toBeGreaterThan(10);
    for (const a of placed)
      for (const b of placed)
        if (a !== b)
          expect(
            a.box.x < b.box.x + b.box.w &&
              b.box.x < a.box.x + a.box.w &&
              a.box.y < b.box.y + b.box.h &&
              b.box.y < a.box.y + a.box.h,
          ).toBe(false);
  });
  it('leaves out names whose box is off screen', () => {
    expect(placeLabels([label('out', -100, 50, 1), label('in', 50, 50, 1)], opts).map((l) => l.code)).toEqual(['in']);
  });
});
