// One evolving storm episode for the demo: every `periodS` a storm comes ashore in the north of the coast, moves
// south along it and fades, bringing flooding, power (lighting) and road reports together in coastal communes,
// so the hot spots show a co-occurrence and the replay has a story.

/** Coastal points of Thanh Hóa, north to south (Nga Sơn, Hậu Lộc, Hoằng Hóa, Sầm Sơn, Quảng Xương, Nghi Sơn). */
const COAST: [number, number][] = [
  [20.0, 106.0],
  [19.93, 105.95],
  [19.84, 105.9],
  [19.74, 105.89],
  [19.63, 105.8],
  [19.44, 105.77],
];

export interface StormState {
  /** 0 (calm) .. 1 (peak). */
  intensity: number;
  lat: number;
  lng: number;
}

/** Where the storm is at time `t` (s) in a cycle of `periodS`: the first half is the storm, the second calm. */
export function stormAt(t: number, periodS = 1800): StormState {
  const phase = (t % periodS) / periodS;
  if (phase >= 0.5) return { intensity: 0, lat: COAST[0][0], lng: COAST[0][1] };
  const progress = phase / 0.5; // along the coast
  const intensity = Math.sin(Math.PI * progress);
  const at = progress * (COAST.length - 1);
  const i = Math.min(COAST.length - 2, Math.floor(at));
  const f = at - i;
  return {
    intensity,
    lat: COAST[i][0] + f * (COAST[i + 1][0] - COAST[i][0]),
    lng: COAST[i][1] + f * (COAST[i + 1][1] - COAST[i][1]),
  };
}

/** The categories a storm report falls in: flooding first, then power and road. */
export const STORM_CATEGORIES: [string, number][] = [
  ['flooding', 5],
  ['lighting', 3],
  ['road', 2],
];
