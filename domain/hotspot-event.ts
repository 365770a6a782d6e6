// The `hotspot` event of the feed log: a cell became a new or intensifying 95 % hot spot of a category in the
// last 24 h, or two or more categories became hot spots in it together. Staff rooms only (aggregates of reports
// whose categories may be sensitive); written by ingest/hotspots/hotspot-monitor.ts.

export const HOTSPOT_EVENT_KIND = 'hotspot';

export type HotspotChange = 'new' | 'intensifying' | 'cooccurrence';

export interface HotspotEventPayload {
  change: HotspotChange;
  /** H3 cell at `res` (the monitor's resolution). */
  cell: string;
  res: number;
  /** The category that became a hot spot; null for a co-occurrence. */
  category: string | null;
  /** Categories that are 95 % hot spots in the cell over the window (two or more for a co-occurrence). */
  categories: string[];
  confidence: 95 | 99;
  z: number;
  /** Reports of `category` (all of `categories` for a co-occurrence) in the cell over the window. */
  count: number;
  areaCode: string | null;
  areaName: string | null;
  window: '24h';
  at: string;
}
