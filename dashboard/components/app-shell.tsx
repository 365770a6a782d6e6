// Page frame shared by every view: header bar, the map area and a side panel.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import type { ConnectionState } from '../data/types.ts';
import type { Theme } from '../layers/palette.ts';
import { ConnectionIndicator } from './connection-indicator.tsx';
import { LangToggle, ThemeToggle } from './toggles.tsx';

export interface AppShellProps {
  title: MessageKey;
  connection: ConnectionState;
  theme: Theme;
  onTheme: (t: Theme) => void;
  map: ReactNode;
  panel: ReactNode;
}

export function AppShell({ title, connection, theme, onTheme, map, panel }: AppShellProps) {
  const { t } = useI18n();
  // On a phone the panel is a bottom sheet over the map, folded to its handle until asked for.
  const [sheetOpen, setSheetOpen] = useState(false);
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-sep" aria-hidden="true">
            /
          </span>
          <h1 className="brand-title">{t(title)}</h1>
          <span className="brand-province">{t('app.province')}</span>
        </div>
        <div className="topbar-tools">
          <ConnectionIndicator state={connection} />
          <ThemeToggle theme={theme} onChange={onTheme} />
          <LangToggle />
        </div>
      </header>
      <main className="stage">{map}</main>
      <aside className="panel" data-sheet-open={sheetOpen}>
        <button
          type="button"
          className="sheet-handle"
          aria-expanded={sheetOpen}
          data-testid="sheet-handle"
          onClick={() => setSheetOpen(!sheetOpen)}
        >
          <span className="sheet-grip" aria-hidden="true" />
          {t('panel.sheet')}
        </button>
        <div className="panel-body">{panel}</div>
      </aside>
    </div>
  );
}
