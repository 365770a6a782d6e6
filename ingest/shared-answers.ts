import type { AlertDTO, CellsDTO, StatsDTO, TransparencyDTO, WallStatsDTO } from './presenters/dto.ts';

// Answers every screen asks for at the same moment (counters, province-wide cells): callers within
// `ttlMs` share one database query, so a thousand open maps cost one query a second, not a thousand.
export class SharedAnswers<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxKeys = 256,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    if (this.entries.size >= this.maxKeys) this.entries.clear(); // bounded: odd keys cannot grow it
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    // A failure is not an answer to share: the next caller tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** After a write this server made: its own next caller reads afresh (other servers' answers age out by ttl). */
  forget(): void {
    this.entries.clear();
  }
}

/** The answers shared per app: counters, province-wide cell counts per audience and query, the transparency table. */
export interface ScreenAnswers {
  stats: SharedAnswers<StatsDTO>;
  cells: SharedAnswers<CellsDTO>;
  /** Every open public map asks the same four questions: each is answered once a minute. */
  transparency: SharedAnswers<TransparencyDTO>;
  /** Every wall asks the same: answered once every 5 s. */
  wall: SharedAnswers<WallStatsDTO>;
  /** Every public screen over an area reloads the active alerts the moment an alert's notice reaches it. */
  alerts: SharedAnswers<{ alerts: AlertDTO[] }>;
}

export const newScreenAnswers = (): ScreenAnswers => ({
  stats: new SharedAnswers(1000),
  cells: new SharedAnswers(1000),
  transparency: new SharedAnswers(60_000),
  wall: new SharedAnswers(5000),
  // Short: a screen that reloads on a notice must see that alert (and keeps it from the notice meanwhile).
  alerts: new SharedAnswers(250),
});
