// The report fields a hotline import maps a column to (a saved mapping names the column title of each).
export const MAPPED_FIELDS = [
  'category',
  'description',
  'address',
  'lat',
  'lng',
  'reporterName',
  'reporterPhone',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
