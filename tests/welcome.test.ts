import { describe, expect, test } from 'vitest';
import { opensWelcome, WELCOME_PATH, WELCOMED_KEY, welcomeOnInstall } from '../lib/welcome';

describe('the welcome page opens once, on install', () => {
  test.each([
    ['install', {}, true],
    ['install', { [WELCOMED_KEY]: true }, false],
    ['update', {}, false],
    ['browser_update', {}, false],
    ['chrome_update', {}, false],
    ['shared_module_update', {}, false],
  ] as const)('reason %s with %o stored: opens %s', (reason, stored, opens) => {
    expect(opensWelcome({ reason }, stored)).toBe(opens);
  });

  test('a second install event (browser restart with an unpacked extension) does not open it again', async () => {
    const store: Record<string, unknown> = {};
    const opened: string[] = [];
    const deps = {
      get: async (k: string) => (k in store ? { [k]: store[k] } : {}),
      set: async (items: Record<string, unknown>) => void Object.assign(store, items),
      open: async (p: string) => opened.push(p),
    };
    expect(await welcomeOnInstall({ reason: 'install' }, deps)).toBe(true);
    expect(await welcomeOnInstall({ reason: 'install' }, deps)).toBe(false);
    expect(await welcomeOnInstall({ reason: 'update' }, deps)).toBe(false);
    expect(opened).toEqual([WELCOME_PATH]);
  });
});
