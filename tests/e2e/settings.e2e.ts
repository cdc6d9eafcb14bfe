// The reader's settings are one stored item (lib/settings.ts): a switch changed in the options
// page shows at once in an open side panel, and one changed in the panel in the options page.
import { describe, expect, test } from 'vitest';
import { useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

describe('settings changed in one place show in the other', () => {
  test('options page → side panel and side panel → options page, without reloading either', async () => {
    const panel = await env.ext.openSidePanel();
    const options = await env.ext.context.newPage();
    await options.goto(`chrome-extension://${env.ext.extensionId}/options.html`);
    const councils = (p: typeof panel) => p.locator('label.il-council input[type=checkbox]');
    await expect.poll(() => councils(panel).isChecked()).toBe(true);
    await expect.poll(() => councils(options).isChecked()).toBe(true);

    await councils(options).click();
    await expect.poll(() => councils(options).isChecked()).toBe(false);
    await expect.poll(() => councils(panel).isChecked()).toBe(false);

    await councils(panel).click();
    await expect.poll(() => councils(panel).isChecked()).toBe(true);
    await expect.poll(() => councils(options).isChecked()).toBe(true);

    await options.close();
    await panel.close();
  });
});
