// Frame of the citizen pages: a light header (name, map link, language switch) and one readable column.
import type { ReactNode } from 'react';
import { LangToggle } from '../components/toggles.tsx';
import { useCitizenI18n } from './strings.ts';
import { OfflineBanner } from './offline/offline-banner.tsx';

export function CitizenShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useCitizenI18n();
  return (
    <div className="citizen">
      <header className="citizen-top">
        <a className="citizen-brand" href="/map">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </a>
        <LangToggle />
      </header>
      <OfflineBanner />
      <main className="citizen-main">
        <h1 className="citizen-title">{title}</h1>
        {children}
      </main>
    </div>
  );
}
