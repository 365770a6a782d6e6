// Where the citizen says the problem is, and how they said it.
export interface Place {
  lat: number;
  lng: number;
  /** Metres, when the browser's geolocation gave it. */
  accuracy?: number;
  /** The chosen search hit's name, when typed. */
  label?: string;
}

export type AreaState = { code: string; name: string } | null | 'loading' | 'unknown';
