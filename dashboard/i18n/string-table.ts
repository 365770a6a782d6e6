// A screen's own bilingual strings beside the shared dictionary: Vietnamese first, English naming the same keys
// (`BilingualTable` enforces it), both following the shared language switch.
import type { Lang } from './dictionary.ts';
import { useI18n, type I18n } from './i18n.tsx';

export type BilingualTable<K extends string> = Record<Lang, Record<K, string>>;

export interface StringTable<K extends string> {
  i18n: I18n;
  /** A key the code names. */
  text: (key: K) => string;
  /** A key built at run time (`severity.${s}`): the key itself when the table lacks it. */
  lookup: (key: string) => string;
}

export function useStringTable<K extends string>(table: BilingualTable<K>): StringTable<K> {
  const i18n = useI18n();
  const strings = table[i18n.lang];
  return {
    i18n,
    text: (key) => strings[key],
    lookup: (key) => (strings as Record<string, string>)[key] ?? key,
  };
}

/** A text with its `{name}` placeholders filled. */
export const fill = (text: string, vars: Record<string, string> = {}): string =>
  Object.entries(vars).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);
