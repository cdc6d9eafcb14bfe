import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HighlightSettings } from '../../components/HighlightSettings';
import { Legend } from '../../components/Legend';
import { SHORTCUTS } from '../../lib/data/wording';
import { type Settings, settingsItem } from '../../lib/settings';

/** Firefox has no page a tab can open for its shortcut settings: the options page says where they are. */
const FIREFOX = import.meta.env.BROWSER === 'firefox';

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
      <h2>Keyboard shortcuts</h2>
      <ul class="shortcuts">
        <li>
          <kbd>{SHORTCUTS.clip}</kbd>: save the selected text as a clip
        </li>
        <li>
          <kbd>{SHORTCUTS.next}</kbd> / <kbd>{SHORTCUTS.previous}</kbd>: next / previous highlight, with its card
        </li>
        <li>
          <kbd>{SHORTCUTS.close}</kbd>: close the card (focus goes back where you were)
        </li>
        <li>
          <kbd>Tab</kbd> after selecting text: the Clip button
        </li>
      </ul>
      {FIREFOX ? (
        <p>
          To change {SHORTCUTS.clip}: open <code>about:addons</code>, click the gear button, then{' '}
          <em>Manage Extension Shortcuts</em>.
        </p>
      ) : (
        <p>
          <button
            type="button"
            onClick={() => browser.tabs.create({ url: 'chrome://extensions/shortcuts' }).catch(() => {})}
          >
            Change shortcuts in the browser’s settings
          </button>
        </p>
      )}
      <h2>Key to the highlights</h2>
      <Legend />
    </main>
  );
}
