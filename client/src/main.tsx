import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'tldraw/tldraw.css';
import './styles.css';
import { App } from './app/App';
import { preloadPage } from './app/pages';
import { parseRoute } from './app/route';
import { takeAdminTokenFromUrl } from './session/admin-token';
import { useAdminStore } from './admin/admin-store';
import { fetchConfig } from './api/endpoints';
import { useLanguageStore } from './i18n/language-store';

takeAdminTokenFromUrl();
useAdminStore.getState().refreshToken();
document.documentElement.lang = useLanguageStore.getState().language;

// The operator's configuration (tldraw licence key) is needed before tldraw mounts. Without a
// server answer the app still starts: tldraw then runs unlicensed, as it would on localhost.
async function boot(): Promise<void> {
  // The page's code loads while the configuration is asked for, not after.
  preloadPage(parseRoute(window.location));
  const config = await fetchConfig().catch(() => null);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App licenseKey={config?.tldrawLicenseKey ?? null} />
    </StrictMode>,
  );
}

void boot();
