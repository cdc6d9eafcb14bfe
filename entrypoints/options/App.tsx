import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HighlightSettings } from '../../components/HighlightSettings';
import { Legend } from '../../components/Legend';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';
import { SHORTCUTS } from '../../lib/wording';

/** Firefox has no page a tab can open for its shortcut settings: the options page says where they are. */
const FIREFOX = import.meta.env.BROWSER === 'firefox';

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
