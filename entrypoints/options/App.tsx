import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HighlightSettings } from '../../components/HighlightSettings';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';

/** Options page: the same highlight settings as the side panel. */
export function App() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    browser.storage.local
      .get(SETTINGS_KEY)
      .then((r) => setSettings(parseSettings((r as Record<string, unknown>)[SETTINGS_KEY])));
  }, []);
  return (
    <main>
      <h1>Inspection Lens options</h1>
      <HighlightSettings
        settings={settings}
        onChange={(next) => {
          setSettings(next);
          browser.storage.local.set({ [SETTINGS_KEY]: next }).then(
            () => setSaved('Saved'),
            () => setSaved('Could not save the settings'),
          );
        }}
      />
      <p role="status">{saved}</p>
    </main>
  );
}
