// Ranked place search over communes, former (pre-2025) names, POIs and agencies; index once, query in well under 1 ms.
import type { PlaceEntry, PlaceKind } from './place-entries.ts';
import { fold, parseQuery, splitType, type ParsedQuery } from './vn-text.ts';

export type { PlaceEntry, PlaceKind } from './place-entries.ts';

export interface PlaceHit {
  entry: PlaceEntry;
  score: number;
  /** The current commune (or the POI/agency itself) the hit stands for. */
  code: string;
  note?: string;
  noteEn?: string;
}

export interface SearchOptions {
  limit?: number;
  /** Hits in this province rank a little higher: the province the product runs for. */
  provinceCode?: string;
  kinds?: PlaceKind[];
}

export interface PlaceIndex {
  search(query: string, options?: SearchOptions): PlaceHit[];
  size: number;
}

interface Indexed {
  entry: PlaceEntry;
  /** Folded name without type, folded full name, folded aliases; and each split into words. */
  keys: string[];
  keyWords: string[][];
  type: string | null;
  accented: string[];
}

/** A parsed query with its words split once, not once per scored entry. */
type Query = ParsedQuery & { textWords: string[]; coreWords: string[] };

const KIND_BONUS: Record<PlaceKind, number> = { commune: 4, agency: 3, poi: 2, former: 0 };
/** Beyond this many candidates, only names starting with the query are scored. */
const MAX_SCORED = 300;

export function buildPlaceIndex(entries: PlaceEntry[]): PlaceIndex {
  const items: Indexed[] = entries.map((entry) => {
    const keys = [...new Set([entry.name, entry.fullName, ...(entry.aliases ?? [])].map(fold).filter(Boolean))];
    const type = entry.type ?? splitType(entry.fullName).type;
    const accented = [entry.name, entry.fullName].map((s) => s.normalize('NFC').toLowerCase());
    return { entry, keys, keyWords: keys.map((k) => k.split(' ')), type: type ? fold(type) : null, accented };
  });
  // Word -> entries holding it; sorted words let the last (unfinished) word match as a prefix.
  const postings = new Map<string, number[]>();
  items.forEach((item, i) =>
    new Set(item.keyWords.flat()).forEach((w) => {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }),
  );
  const words = [...postings.keys()].sort();
  const hits = new Uint8Array(items.length);
  const stamp = new Uint32Array(items.length);
  let epoch = 0;

  /** Entries holding at least half of the query's words (type words like "xa" count only when alone). */
  const candidates = (q: ParsedQuery): number[] => {
    // Words after the leading type ("phuong", "thanh pho"): "xa" or "phuong" alone names no place.
    const qWords = q.core ? q.core.split(' ') : [];
    if (qWords.length === 0) return [];
    const touched: number[] = [];
    qWords.forEach((w, k) => {
      // A new stamp per word: an entry counts once per word, even via several prefix expansions.
      const now = ++epoch;
      const count = (list: number[] | undefined) => {
        for (const i of list ?? []) {
          if (stamp[i] === now) continue;
          stamp[i] = now;
          if (hits[i]++ === 0) touched.push(i);
        }
      };
      count(postings.get(w));
      if (k === qWords.length - 1 && w.length >= 2) {
        for (let j = lowerBound(words, w); j < words.length && words[j].startsWith(w); j++)
          count(postings.get(words[j]));
      }
    });
    // Entries holding every word if there are any; else those holding at least half of them.
    const full = touched.filter((i) => hits[i] === qWords.length);
    const out = full.length > 0 ? full : touched.filter((i) => hits[i] >= Math.ceil(qWords.length / 2));
    for (const i of touched) hits[i] = 0;
    if (out.length <= MAX_SCORED) return out;
    // One very common word ("son", "thanh"): names that start with it outrank names merely holding it.
    const starting = out.filter((i) => items[i].keys.some((key) => key.startsWith(q.core) || key.startsWith(q.text)));
    return starting.length >= MAX_SCORED / 4 ? starting.slice(0, MAX_SCORED * 4) : out;
  };

  return {
    size: items.length,
    search(query: string, options: SearchOptions = {}): PlaceHit[] {
      const parsed = parseQuery(query);
      const q: Query = { ...parsed, textWords: parsed.text.split(' '), coreWords: parsed.core.split(' ') };
      if (!q.text) return [];
      const hits: PlaceHit[] = [];
      for (const i of candidates(q)) {
        const item = items[i];
        if (options.kinds && !options.kinds.includes(item.entry.kind)) continue;
        const score = scoreItem(item, q, options);
        if (score <= 0) continue;
        const { entry } = item;
        hits.push({
          entry,
          score,
          code: entry.kind === 'former' ? (entry.currentCode ?? entry.code) : entry.code,
          note: entry.note,
          noteEn: entry.noteEn,
        });
      }
      hits.sort(
        (a, b) =>
          b.score - a.score ||
          KIND_BONUS[b.entry.kind] - KIND_BONUS[a.entry.kind] ||
          a.entry.code.localeCompare(b.entry.code),
      );
      return hits.slice(0, options.limit ?? 10);
    },
  };
}

/** How well the text matches one key: exact > prefix > all words > some words. */
function textScore(q: string, qWords: string[], key: string, kWords: string[]): number {
  if (!q) return 0;
  if (q === key) return 100;
  if (key.startsWith(q) && q.length >= 3) return 85 - Math.min(10, key.length - q.length);
  const last = qWords.length - 1;
  const found = qWords.filter(
    (w, i) => kWords.includes(w) || (i === last && w.length >= 2 && kWords.some((k) => k.startsWith(w))),
  ).length;
  if (found === qWords.length) return 60 + Math.round((10 * found) / kWords.length);
  return found / qWords.length >= 0.5 ? Math.round((40 * found) / qWords.length) : 0;
}

function scoreItem(item: Indexed, q: Query, options: SearchOptions): number {
  let best = 0;
  for (let k = 0; k < item.keys.length; k++) {
    const key = item.keys[k];
    best = Math.max(
      best,
      textScore(q.text, q.textWords, key, item.keyWords[k]),
      textScore(q.core, q.coreWords, key, item.keyWords[k]),
    );
  }
  if (best === 0) return 0;
  let score = best + KIND_BONUS[item.entry.kind];
  if (q.type && item.type) score += q.type === item.type ? 8 : -8;
  if (item.entry.kind === 'former') score += (q.former ? 12 : -2) + (item.entry.partial ? -1 : 0);
  if (options.provinceCode && item.entry.provinceCode === options.provinceCode) score += 6;
  // Typed with accents and spelled exactly so: "Hà" should beat "Hạ".
  if (q.accented && item.accented.some((a) => q.raw.includes(a))) score += 3;
  return score;
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
