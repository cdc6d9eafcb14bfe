// A fresh Chromium with one page and a reader of that page's main-thread CPU time (CDP's
// ThreadTime, in ms): the benches that measure code cold in a new browser each time
// (bench-analyze-chromium.ts, bench-furniture.ts, bench-pattern-floor.ts).
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/harness';

export async function freshChromium(): Promise<{ browser: Browser; page: Page; cpu: () => Promise<number> }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
  const cpu = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  };
  return { browser, page, cpu };
}
