// Header switches: language (VI/EN) and base map theme.
import { useI18n } from '../i18n/i18n.tsx';
import type { Theme } from '../layers/palette.ts';

export function LangToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="seg" role="group" aria-label={t('toggle.lang')}>
      {(['vi', 'en'] as const).map((l) => (
        <button key={l} type="button" aria-pressed={lang === l} data-testid={`lang-${l}`} onClick={() => setLang(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

export function ThemeToggle({ theme, onChange }: { theme: Theme; onChange: (t: Theme) => void }) {
  const { t } = useI18n();
  return (
    <div className="seg" role="group">
      {(['dark', 'light'] as const).map((th) => (
        <button
          key={th}
          type="button"
          aria-pressed={theme === th}
          data-testid={`theme-${th}`}
          onClick={() => onChange(th)}
        >
          {t(`toggle.theme.${th}`)}
        </button>
      ))}
    </div>
  );
}
