// Language context: Vietnamese by default, the choice persisted in localStorage.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { dictionary, locales, type Lang, type MessageKey } from './dictionary.ts';
import type { CategoryDTO } from '../data/types.ts';

const KEY = 'hientruong.lang';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey) => string;
  status: (status: string) => string;
  categoryName: (cat: CategoryDTO | undefined, code: string) => string;
  time: (iso: string) => string;
}

function initialLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void = () => {}): I18n {
  const dict = dictionary[lang];
  const fmt = new Intl.DateTimeFormat(locales[lang], {
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
  });
  return {
    lang,
    setLang,
    t: (key) => dict[key],
    status: (s) => dict[`status.${s}` as MessageKey] ?? s,
    categoryName: (cat, code) => (cat ? (lang === 'vi' ? cat.nameVi : cat.nameEn) : code),
    time: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('vi'));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      /* private mode: the choice lasts this page */
    }
  }, []);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
