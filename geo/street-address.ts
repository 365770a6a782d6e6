// Addresses as hotline staff type them: "số 12 Lê Lợi, P. Hạc Thành, TP Thanh Hóa". The first part is a house
// number and a street; the rest name the commune, district or province (possibly a former one, "… cũ").
import { fold } from './vn-text.ts';

export interface StreetAddress {
  houseNumber: number | null;
  /** Folded street name without "đường"/"phố". */
  street: string;
  /** The other comma-separated parts, as typed: for the commune search. */
  areaParts: string[];
}

const STREET_WORDS = /^(?:duong|pho|ngo|hem|kiet)\s+/;

export function parseStreetAddress(raw: string): StreetAddress | null {
  const [first, ...rest] = raw.split(/[,;]/).map((s) => s.trim());
  if (!first) return null;
  let text = fold(first);
  let houseNumber: number | null = null;
  const m = /^(?:so nha |so |sn )?(\d{1,5})[a-z]?(?: \d{1,4})? (.+)$/.exec(text);
  if (m) {
    houseNumber = Number(m[1]);
    text = m[2];
  }
  const street = text.replace(STREET_WORDS, '').trim();
  if (!street || /^\d+$/.test(street)) return null;
  return { houseNumber, street, areaParts: rest.filter(Boolean) };
}

export interface StreetLine {
  coordinates: [number, number][];
  houseFrom: number | null;
  houseTo: number | null;
  /** OSM addr:interpolation: numbers on this side are all even, all odd, or all. */
  interpolation: 'even' | 'odd' | 'all' | null;
}

/** The point of house `n` by linear interpolation along the line between its first and last numbers; null if outside. */
export function interpolateHouse(line: StreetLine, n: number): [number, number] | null {
  const { houseFrom: a, houseTo: b, coordinates: c } = line;
  if (a === null || b === null || c.length < 2 || a === b) return null;
  if (n < Math.min(a, b) || n > Math.max(a, b)) return null;
  if ((line.interpolation === 'even' && n % 2) || (line.interpolation === 'odd' && n % 2 === 0)) return null;
  const cos = Math.cos((c[0][1] * Math.PI) / 180);
  const seg = c.slice(1).map((p, i) => Math.hypot((p[0] - c[i][0]) * cos, p[1] - c[i][1]));
  const total = seg.reduce((s, x) => s + x, 0);
  let want = ((n - a) / (b - a)) * total;
  for (let i = 0; i < seg.length; i++) {
    if (want <= seg[i] || i === seg.length - 1) {
      const f = seg[i] === 0 ? 0 : Math.min(1, want / seg[i]);
      return [c[i][0] + (c[i + 1][0] - c[i][0]) * f, c[i][1] + (c[i + 1][1] - c[i][1]) * f];
    }
    want -= seg[i];
  }
  return null;
}

/** The middle vertex-weighted point of a line, where a street without numbers is shown. */
export function lineMiddle(c: [number, number][]): [number, number] {
  return interpolateHouse({ coordinates: c, houseFrom: 0, houseTo: 2, interpolation: 'all' }, 1) ?? c[0];
}

/** Street name match: exact > the typed name starts the street's > all words present. */
export function streetNameScore(typed: string, street: string): number {
  if (typed === street) return 100;
  if (street.startsWith(typed) && typed.length >= 3) return 80;
  const words = street.split(' ');
  return typed.split(' ').every((w) => words.includes(w)) ? 60 : 0;
}
