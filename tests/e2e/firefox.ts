// Firefox for the browser tests: Debian's firefox-esr, headless, driven over WebDriver BiDi
// (Firefox's own remote protocol; no patched build, no driver binary), with the built Firefox
// extension installed as a temporary add-on.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { root } from './harness';

export const firefoxExtensionDir = path.join(root, '.output/firefox-mv2');
/** The add-on's id (wxt.config.ts) and the moz-extension:// host we give it in the profile. */
const ADDON_ID = 'inspection-lens@example.org';
export const ADDON_UUID = '6c1d7e54-3b0a-4f5e-9c2d-1a2b3c4d5e6f';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p) => p && fs.existsSync(p));
  if (!found)
    throw new Error("No Firefox: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH");
  return found;
}

interface BidiMessage {
  id?: number;
  type: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
  method?: string;
  params?: Record<string, unknown>;
}

export interface FirefoxTab {
  context: string;
  goto(url: string): Promise<void>;
  /** Evaluates an expression in the page (main world) and returns its value, passed through JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Moves the mouse to a point of the viewport. */
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /**
   * Real key input: the keys are pressed down in order and released in reverse (a chord such as
   * `['Alt', 'Shift', 'n']`). Named keys: Alt, Shift, Control, Tab, Enter, Escape.
   */
  keys(keys: string[]): Promise<void>;
  /** A PNG (base64) of a box of the viewport. */
  screenshot(box: { x: number; y: number; width: number; height: number }): Promise<string>;
  activate(): Promise<void>;
  close(): Promise<void>;
  /** Errors the page reported to its console (or threw) since the tab was opened. */
  errors: string[];
}

export interface FirefoxBrowser {
  newTab(): Promise<FirefoxTab>;
  /** Opens one of the extension's pages (moz-extension://) in a new tab, as the browser UI would. */
  openExtensionPage(file: string): Promise<FirefoxTab>;
  /** The tabs open now (the extension's own included), with their URLs. */
  tabs(): Promise<{ context: string; url: string }[]>;
  /** A tab already open (for instance one the extension opened). */
  tabOf(context: string): FirefoxTab;
  /** Evaluates an expression in the browser window's privileged (chrome) scope. */
  chrome<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/** Starts headless Firefox with the extension installed, in a fresh profile. */
export async function launchFirefox(extensionDir = firefoxExtensionDir): Promise<FirefoxBrowser> {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`no build in ${extensionDir}`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'il-firefox-'));
  const prefs: Record<string, unknown> = {
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'browser.tabs.warnOnClose': false,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  };
  fs.writeFileSync(
    path.join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const proc: ChildProcess = spawn(
    firefoxPath(),
    [
      '--headless',
      '--remote-debugging-port',
      '0',
      // The browser window's own scope: to open extension pages and the sidebar as a user would.
      '--remote-allow-system-access',
      '--profile',
      profile,
      '--no-remote',
      '--width=1280',
      '--height=900',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${out}`)));
  });
  const ws = new WebSocket(`${endpoint}/session`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners: ((m: BidiMessage) => void)[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as BidiMessage;
    if (m.id !== undefined && pending.has(m.id)) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.type === 'error') p?.reject(new Error(`${m.error}: ${m.message}`));
      else p?.resolve(m.result);
    } else for (const l of listeners) l(m);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });

  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  await send('session.subscribe', { events: ['log.entryAdded'] });
  await send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
  const errorsByContext = new Map<string, string[]>();
  listeners.push((m) => {
    if (m.method !== 'log.entryAdded' || !m.params) return;
    const p = m.params as { level?: string; text?: string; source?: { context?: string } };
    const list = p.source?.context ? errorsByContext.get(p.source.context) : undefined;
    if (p.level === 'error' && list) list.push(p.text ?? '');
  });

  const pointer = (context: string, actions: Record<string, unknown>[]) =>
    send('input.performActions', {
      context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });

  type Evaluated = { type: string; result?: { type: string; value?: string }; exceptionDetails?: unknown };
  const evaluateIn = async <T>(context: string, expression: string): Promise<T> => {
    const r = await send<Evaluated>('script.evaluate', {
      target: { context },
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      awaitPromise: true,
    });
    if (r.type === 'exception') throw new Error(`threw: ${JSON.stringify(r.exceptionDetails)}`);
    const v = r.result?.value;
    return (v === undefined ? undefined : JSON.parse(v)) as T;
  };
  type Tree = { contexts: { context: string; url: string }[] };
  const chromeWindow = async () =>
    (await send<Tree>('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).contexts[0].context;

  const tab = (context: string): FirefoxTab => {
    const errors: string[] = [];
    errorsByContext.set(context, errors);
    return {
      context,
      errors,
      async goto(url) {
        await send('browsingContext.navigate', { context, url, wait: 'complete' });
      },
      evaluate: <T>(expression: string) => evaluateIn<T>(context, expression),
      async mouseMove(x, y) {
        await pointer(context, [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }]);
      },
      async click(x, y) {
        await pointer(context, [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ]);
      },
      async keys(keys) {
        const named: Record<string, string> = {
          Alt: '\uE00A',
          Shift: '\uE008',
          Control: '\uE009',
          Tab: '\uE004',
          Enter: '\uE007',
          Escape: '\uE00C',
        };
        const values = keys.map((k) => named[k] ?? k);
        await send('input.performActions', {
          context,
          actions: [
            {
              type: 'key',
              id: 'keyboard',
              actions: [
                ...values.map((value) => ({ type: 'keyDown', value })),
                ...[...values].reverse().map((value) => ({ type: 'keyUp', value })),
              ],
            },
          ],
        });
      },
      async screenshot(box) {
        const r = await send<{ data: string }>('browsingContext.captureScreenshot', {
          context,
          clip: { type: 'box', ...box },
        });
        return r.data;
      },
      async activate() {
        await send('browsingContext.activate', { context });
      },
      async close() {
        errorsByContext.delete(context);
        await send('browsingContext.close', { context });
      },
    };
  };

  return {
    async chrome<T>(expression: string) {
      return evaluateIn<T>(await chromeWindow(), expression);
    },
    async openExtensionPage(file) {
      const url = `moz-extension://${ADDON_UUID}/${file}`;
      // Web content may not navigate to moz-extension:// pages; the browser window may open one.
      await evaluateIn(
        await chromeWindow(),
        `(gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }), 1)`,
      );
      const found = await pollUntil(
        async () => (await send<Tree>('browsingContext.getTree', { maxDepth: 0 })).contexts.find((c) => c.url === url),
        (c) => !!c,
      );
      if (!found) throw new Error(`${url} did not open`);
      return tab(found.context);
    },
    async tabs() {
      return (await send<Tree>('browsingContext.getTree', { maxDepth: 0 })).contexts;
    },
    tabOf: (context: string) => tab(context),
    async newTab() {
      const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
      return tab(context);
    },
    async close() {
      try {
        await send('browser.close');
      } catch {
        /* already gone */
      }
      ws.close();
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
        await exited;
      }
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `read` until `ok` holds for its value (or the time is up), and returns the last value. */
export async function pollUntil<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}
