// Entry: fonts and styles, then the view chosen by pathname (the server serves index.html everywhere).
// Vietnamese and Latin subsets only: Vietnamese letters (ă đ ơ ư ĩ ũ) also fall in latin-ext's unicode-range, so
// with it a phone fetched 9 font files instead of 6 on first paint; other Latin letters use the system font.
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
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

const root = document.getElementById('root')!;
// A page's static first screen (report.html, see pwa/page-html.ts) stays on screen while its chunk loads.
const shell = root.innerHTML.trim();
const fallback = shell ? (
  <div style={{ display: 'contents' }} dangerouslySetInnerHTML={{ __html: shell }} />
) : (
  <div className="center-page" aria-busy="true" />
);

const render = () =>
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <Suspense fallback={fallback}>{View ? <View /> : <NotFound />}</Suspense>
      </I18nProvider>
    </StrictMode>,
  );

// The citizen form needs no runtime config before its first screen (only its on-demand pin map reads it):
// render at once instead of waiting one more round trip on a slow phone network.
const configLoaded = loadRuntimeConfig();
if (/^\/(report|track)(\/|$)/.test(path)) render();
else void configLoaded.then(render);
