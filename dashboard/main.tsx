// Entry: fonts and styles, then the view chosen by pathname (the server serves index.html everywhere).
// Each weight file carries the vietnamese, latin-ext and latin subsets (unicode-range picks what loads).
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
// In the entry stylesheet (scoped under .citizen), so a citizen page does not wait for a second CSS file.
import './citizen/citizen.css';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/i18n.tsx';
import { resolvePath } from './views/routes.tsx';
import { NotFound } from './views/not-found.tsx';
import { loadRuntimeConfig } from './config.ts';
import { registerServiceWorker } from './pwa/register-sw.ts';

const { view: View, path } = resolvePath(window.location.pathname);
if (path !== window.location.pathname)
  window.history.replaceState(null, '', path + window.location.search + window.location.hash);

// The citizen-facing pages install as a PWA and work offline; staff screens stay plain pages.
if (/^\/(report|track|map)(\/|$)/.test(path)) registerServiceWorker();

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <Suspense fallback={<div className="center-page" aria-busy="true" />}>
          {View ? <View /> : <NotFound />}
        </Suspense>
      </I18nProvider>
    </StrictMode>,
  );

// The citizen form needs no runtime config before its first screen (only its on-demand pin map reads it):
// render at once instead of waiting one more round trip on a slow phone network.
const configLoaded = loadRuntimeConfig();
if (/^\/(report|track)(\/|$)/.test(path)) render();
else void configLoaded.then(render);
