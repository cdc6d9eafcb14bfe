import { useEffect, useState } from 'preact/hooks';
import { HighlightSettings } from '../../components/HighlightSettings';
import { type Settings, settingsItem } from '../../lib/settings';

/** Options page: the same highlight settings as the side panel. */
export function App() {
  const [settings, setSettings] = useState<Settings>(settingsItem.fallback);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    settingsItem.get().then(setSettings);
    // A change made in the side panel (or another options tab) shows here at once.
    return settingsItem.watch(setSettings);
  }, []);
  return (
    <main>
      <h1>Inspection Lens options</h1>
      <HighlightSettings
        settings={settings}
        onChange={(next) => {
          setSettings(next);
          settingsItem.set(next).then(
            () => setSaved('Saved'),
            () => setSaved('Could not save the settings'),
          );
        }}
      />
      <p role="status">{saved}</p>
    </main>
  );
}
