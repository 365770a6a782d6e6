// Vietnamese text folding for search: people type without diacritics and with office abbreviations.

/** Administrative type words, folded, longest first so "thanh pho" wins over a lone word. */
export const TYPE_WORDS = ['thanh pho', 'thi xa', 'thi tran', 'dac khu', 'phuong', 'xa', 'quan', 'huyen', 'tinh'];
const TYPE_PREFIXES = ['Thành phố', 'Thị xã', 'Thị trấn', 'Đặc khu', 'Phường', 'Xã', 'Quận', 'Huyện', 'Tỉnh'];

/** NFD + drop combining marks + đ->d + lowercase; keeps punctuation (abbreviations need the dots). */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Folded words only: what entries and queries are compared on. */
export function fold(text: string): string {
  return stripDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Each pattern runs on diacritic-free lowercase text that still has its punctuation.
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\btp\.?\s*hcm\b/g, 'thanh pho ho chi minh'],
  [/\bhcm\b/g, 'ho chi minh'],
  [/\bbvdk\b\.?/g, 'benh vien da khoa '],
  [/\bbv\b\.?/g, 'benh vien '],
  [/\bdk\b\.?/g, 'da khoa '],
  [/\btp\b\.?/g, 'thanh pho '],
  [/\btx\b\.?/g, 'thi xa '],
  [/\btt\b\.?/g, 'thi tran '],
  [/\bp\b\.?/g, 'phuong '],
  [/\bx\b\.?/g, 'xa '],
  [/\bq\b\.?/g, 'quan '],
  [/\bh\b\.?/g, 'huyen '],
];

export interface ParsedQuery {
  /** Folded, abbreviations expanded. */
  text: string;
  /** The leading administrative type the user typed ("phuong", "xa"...), if any. */
  type: string | null;
  /** The text without that leading type. */
  core: string;
  /** The user marked a former (pre-2025) name: "cũ", "(cu)", or a trailing "cu". */
  former: boolean;
  /** The user typed diacritics, so an exact accented match is worth a little more. */
  accented: boolean;
  /** The query as typed, NFC and lowercase, for accent-exact comparisons. */
  raw: string;
}

export function parseQuery(raw: string): ParsedQuery {
  const lower = raw.normalize('NFC').toLowerCase();
  // "cũ" (former) is unambiguous only with its accent: "củ" in Củ Chi folds to the same "cu".
  const nfc = lower.replace(/(^|[^\p{L}])cũ(?=$|[^\p{L}])/gu, '$1 ');
  let former = nfc !== lower;
  let expanded = stripDiacritics(nfc);
  // "p3" / "q1": split first so the single-letter rules below see a lone letter.
  expanded = expanded.replace(/\b(p|q)(\d+)\b/g, '$1 $2');
  for (const [pattern, replacement] of ABBREVIATIONS) expanded = expanded.replace(pattern, replacement);
  let words = fold(expanded).split(' ').filter(Boolean);
  // Unaccented, only a trailing "cu" means former; elsewhere it is part of a name.
  if (words.length > 1 && words[words.length - 1] === 'cu') {
    former = true;
    words = words.slice(0, -1);
  }
  const text = words.join(' ');
  const type = TYPE_WORDS.find((t) => text === t || text.startsWith(t + ' ')) ?? null;
  const core = type ? text.slice(type.length).trim() : text;
  return { text, type, core, former, accented: lower !== stripDiacritics(lower), raw: lower };
}

/** Splits "Phường Hàm Rồng" into its type and name; a name without a known prefix has type null. */
export function splitType(fullName: string): { type: string | null; name: string } {
  const nfc = fullName.normalize('NFC');
  for (const prefix of TYPE_PREFIXES) {
    if (nfc.startsWith(prefix + ' ')) return { type: prefix, name: nfc.slice(prefix.length + 1) };
  }
  return { type: null, name: nfc };
}
