import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { message } from '../../lib/messages';

/** The side panel: what Inspection Lens found on the current tab. */
export function App() {
  const [status, setStatus] = useState('Connecting…');
  useEffect(() => {
    browser.runtime
      .sendMessage(message('ping', null))
      .then((r) => setStatus((r as { ok?: boolean })?.ok ? 'Ready' : 'No answer from the extension'))
      .catch(() => setStatus('No answer from the extension'));
  }, []);
  return (
    <main>
      <h1>Inspection Lens</h1>
      <p role="status">{status}</p>
    </main>
  );
}
