import { useCallback, useEffect, useState } from 'react';
import type { Language, Settings } from '../shared/api/contract.js';
import type { AppErrorData } from '../shared/api/errors.js';
import { call, errorData } from './api.js';
import { ErrorBanner } from './components/ErrorBanner.js';
import { I18nProvider } from './i18n/I18n.js';
import { useRoute } from './route.js';
import { flushAndClose } from './closeGuard.js';
import { useMenuCommand } from './useMenuCommand.js';
import { IssueView } from './views/issue/IssueView.js';
import { LibraryView } from './views/library/LibraryView.js';
import { TrashView } from './views/library/TrashView.js';

/** The app shell: settings (language, workspace) and the current view. */
export function App() {
  const route = useRoute();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    call('settings:get', {}).then(setSettings, (err: unknown) => setError(errorData(err)));
  }, []);

  useEffect(() => {
    if (settings) document.documentElement.lang = settings.language;
  }, [settings]);

  // The window is closing: save what is pending first, then close it from here.
  useMenuCommand((command) => {
    if (command === 'prepareClose') void flushAndClose();
  });

  const updateSettings = useCallback(async (patch: { language?: Language; workspace?: string }) => {
    try {
      setSettings(await call('settings:update', patch));
    } catch (err) {
      setError(errorData(err));
    }
  }, []);

  const lang = settings?.language ?? 'zh-CN';
  return (
    <I18nProvider lang={lang}>
      <div className="app">
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        {settings &&
          (route.view === 'issue' ? (
            <IssueView key={route.slug} slug={route.slug} settings={settings} onSettings={updateSettings} />
          ) : route.view === 'trash' ? (
            <TrashView settings={settings} />
          ) : (
            <LibraryView settings={settings} onSettings={updateSettings} />
          ))}
      </div>
    </I18nProvider>
  );
}
