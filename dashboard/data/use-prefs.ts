// UI preferences that survive reloads (theme); kept apart from language, which lives in i18n.
import { useCallback, useEffect, useState } from 'react';
import type { Theme } from '../layers/palette.ts';

const KEY = 'hientruong.theme';

export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setThemeState] = useState<Theme>(() => {
    try {
      return localStorage.getItem(KEY) === 'light' ? 'light' : 'dark';
    } catch {
      return 'dark';
    }
  });
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const setTheme = useCallback((t: Theme) => {
    setThemeState(t);
    try {
      localStorage.setItem(KEY, t);
    } catch {
      /* private mode */
    }
  }, []);
  return [theme, setTheme];
}

/** Resolves once the UI font (with its Vietnamese glyphs) is usable, so canvas text does not fall back. */
export function useFontReady(family = 'Be Vietnam Pro'): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void Promise.all(
      [600, 400].map((w) => document.fonts.load(`${w} 16px "${family}"`, 'Thanh Hóa Đông Sơn ữ ặ')),
    ).finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [family]);
  return ready;
}
