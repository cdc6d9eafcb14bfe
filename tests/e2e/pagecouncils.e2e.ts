// "This page", "Councils" and the tab shell, in Chromium with data made through the real
// extension: clips from served pages (tests/e2e/select.ts) and inspection records saved from the
// page's card. axe-core checks both views, light and dark; the README screenshots are written here.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { root, useExtensionBrowser } from './harness';
import { clipText } from './select';

const env = useExtensionBrowser();
const require = createRequire(import.meta.url);

/** Filler that pushes a passage far below the first screen. */
const filler = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1} describes the council's work with families in plain terms, with no grade in it at all.</p>`,
  ).join('\n');

const article2019 = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ofsted rates Lambeth children's services inadequate</title>
<meta property="og:site_name" content="Care News"><meta property="article:published_time" content="2019-03-14"></head>
<body><article><h1>Ofsted rates Lambeth children's services inadequate</h1>
<p>Lambeth council's children's services have been rated inadequate by Ofsted following an inspection in February 2019.</p>
<p>Inspectors found that social workers had high caseloads and that management oversight of casework was weak.</p>
${filler(40)}
<p>The council must improve the quality of assessments and the timeliness of child protection visits.</p>
<p>A spokesperson for the council said it accepted the findings and would act quickly to improve services for children in care.</p>
</article></body></html>`;

const article2023 = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lambeth children's services judged good by Ofsted</title>
<meta property="og:site_name" content="Care News"><meta property="article:published_time" content="2023-06-20"></head>
<body><article><h1>Lambeth children's services judged good by Ofsted</h1>
<p>Lambeth council's children's services have been judged good by Ofsted in an inspection in May 2023.</p>
<p>Inspectors said leaders had improved practice since the council was rated inadequate in 2019.</p>
<p>The council should improve the consistency of supervision for social workers in the assessment teams.</p>
<p>Children in care told inspectors that their social workers visited them regularly and listened to them.</p>
</article></body></html>`;

const plainPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Allotment news</title></head>
<body><main><h1>Allotment news</h1><p>The parish allotments open for the spring season on Saturday with a seed swap.</p></main></body></html>`;

const SENTENCE_2019 =
  "Lambeth council's children's services have been rated inadequate by Ofsted following an inspection in February 2019.";

interface StoredClip {
  id: string;
  quote: string;
  url: string;
  category: string;
  councilCodes: string[];
  grades: string[];
  finding?: { kind: string; grade?: string; current?: boolean; year?: number; councils: { name: string }[] };
}

/** Every stored clip, read page by page as the panel does. */
async function allClips(panel: Page): Promise<StoredClip[]> {
  return panel.evaluate(async () => {
    const out: unknown[] = [];
    let after: unknown = null;
    do {
      const r = await chrome.runtime.sendMessage({ type: 'listClips', data: after ? { after } : {} });
      out.push(...r.clips);
      after = r.next;
    } while (after);
    return out as never;
  });
}

async function openArticle(pathname: string, html: string): Promise<Page> {
  env.server.extra.set(pathname, html);
  const page = await env.ext.context.newPage();
  await page.goto(`${env.server.origin}${pathname}`);
  await expect
    .poll(() => page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('il-grade-'))))
    .toBe(true);
  return page;
}

/** Saves the article's inspection record from the first grade's card (keyboard: Alt+Shift+N). */
async function saveRecordFromCard(page: Page) {
  await page.bringToFront();
  await page.keyboard.press('Alt+Shift+N');
  const card = page.getByRole('dialog');
  await expect.poll(() => card.count()).toBe(1);
  // The card links the council to its Ofsted reports page (its URN from lib/data).
  expect(await card.getByRole('link', { name: 'Ofsted reports for Lambeth' }).getAttribute('href')).toBe(
    'https://reports.ofsted.gov.uk/provider/44/80506',
  );
  await card.getByRole('button', { name: 'Save inspection record' }).click();
  await expect.poll(() => card.getByRole('status').textContent()).toBe('Inspection record saved');
  await page.keyboard.press('Escape');
}

async function openPanelOn(tab: 'This page' | 'Collection' | 'Councils'): Promise<Page> {
  const panel = await env.ext.openSidePanel();
  await panel.getByRole('tab', { name: tab }).click();
  return panel;
}

/** Runs axe-core on the panel; fails on serious or critical violations, printing them. */
async function axeCheck(panel: Page, what: string) {
  // The panel's CSP refuses inline scripts: axe's source is evaluated instead (the test's own channel).
  await panel.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
  const violations = await panel.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(c: unknown): Promise<{ violations: unknown[] }> } }).axe.run(
      document,
    );
    return (r.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  if (violations.length) console.error(`axe (${what}):\n${violations.join('\n')}`);
  expect(violations, what).toEqual([]);
}

async function readmeScreenshot(panel: Page, name: string) {
  const dir = path.join(root, 'docs/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await panel.setViewportSize({ width: 420, height: 760 });
  await panel.screenshot({ path: path.join(dir, `${name}.png`) });
}

describe('side panel: This page, Councils and the tabs', () => {
  let article: Page;

  test('three tabs in one tablist: arrow keys move between them, the choice is remembered', async () => {
    const panel = await env.ext.openSidePanel();
    const tabs = panel.getByRole('tab');
    await expect.poll(() => tabs.allTextContents()).toEqual(['This page', 'Collection', 'Councils']);
    expect(await panel.getByRole('tab', { selected: true }).textContent()).toBe('This page');
    // One tab stop: only the chosen tab is in the tab order.
    expect(await panel.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await panel.getByRole('tab', { name: 'This page' }).focus();
    await panel.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { selected: true }).textContent()).toBe('Collection');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Collection');
    await expect.poll(() => panel.getByRole('heading', { name: 'Clips' }).isVisible()).toBe(true);
    await panel.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { selected: true }).textContent()).toBe('Councils');
    await expect.poll(() => panel.getByText('No councils yet.').isVisible()).toBe(true);
    await panel.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { selected: true }).textContent()).toBe('This page');
    await panel.keyboard.press('ArrowLeft');
    await panel.reload();
    await expect.poll(() => panel.getByRole('tab', { selected: true }).textContent()).toBe('Councils');
    await panel.close();
  });

  test('on a page that is not an inspection article, This page says so, and clipping still works', async () => {
    env.server.extra.set('/allotments.html', plainPage);
    const page = await env.ext.context.newPage();
    await page.goto(`${env.server.origin}/allotments.html`);
    await clipText(page, 'open for the spring season', 'main');
    const panel = await openPanelOn('This page');
    await expect
      .poll(() => panel.getByRole('tabpanel').textContent())
      // How sure, in words (never a percentage).
      .toMatch(/This page is (very likely |probably )?not an inspection article/);
    await expect
      .poll(() => panel.getByRole('list', { name: 'Clips from this page' }).textContent())
      .toContain('open for the spring season');
    await Promise.all([page.close(), panel.close()]);
  });

  test('This page lists the tab’s outcomes, findings and clips in page order', async () => {
    article = await openArticle('/lambeth-2019.html', article2019);
    await clipText(article, 'the timeliness of child protection visits');
    await clipText(article, 'social workers had high caseloads');
    const panel = await openPanelOn('This page');
    const view = panel.getByRole('tabpanel');
    await expect.poll(() => view.getByRole('table').textContent()).toContain('Lambeth');
    expect(await view.getByRole('table').textContent()).toMatch(/inadequate\s*current \(2019\)/);
    const findings = view.getByRole('list', { name: 'Findings on this page' });
    const findingText = await findings.textContent();
    expect(findingText).toContain('Grade:');
    expect(findingText).toContain('Improvement area:');
    expect(findingText).toContain('Lambeth');
    // Clips in page order (saved in the other order).
    const clips = await view
      .getByRole('list', { name: 'Clips from this page' })
      .getByRole('listitem')
      .allTextContents();
    expect(clips.map((t) => t.replace(/[“”"]/g, ''))).toEqual([
      expect.stringContaining('social workers had high caseloads'),
      expect.stringContaining('the timeliness of child protection visits'),
    ]);
    await panel.close();
  });

  test('activating a finding scrolls the page to it and flashes it', async () => {
    const panel = await openPanelOn('This page');
    const findings = panel.getByRole('list', { name: 'Findings on this page' });
    await expect.poll(() => findings.count()).toBe(1);
    expect(await article.evaluate(() => window.scrollY)).toBe(0);
    // The improvement area far down the page.
    await findings.getByRole('button', { name: /^Show “The council must improve the quality/ }).click();
    await expect.poll(() => article.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const flashed = await article.evaluate(() =>
      [...((CSS.highlights.get('il-flash') as unknown as Set<Range>) ?? [])].map((r) => r.toString()),
    );
    expect(flashed.join(' ')).toContain('The council must improve the quality of assessments');
    const inView = await article.evaluate(() => {
      const r = [...((CSS.highlights.get('il-flash') as unknown as Set<Range>) ?? [])][0]?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await panel.close();
  });

  test('saving a finding as a clip keeps its sentence and finding; saving it again keeps one clip', async () => {
    const panel = await openPanelOn('This page');
    const findings = panel.getByRole('list', { name: 'Findings on this page' });
    // The second "inadequate": the first is the headline's.
    const save = findings.getByRole('button', { name: 'Save as clip: grade “inadequate”' }).nth(1);
    await save.click();
    await expect.poll(() => panel.locator('.view-status').textContent()).toContain('Saved as a clip');
    const mine = async () => (await allClips(panel)).filter((c) => c.quote === SENTENCE_2019);
    await expect.poll(async () => (await mine()).length).toBe(1);
    const [clip] = await mine();
    expect(clip.finding).toMatchObject({ kind: 'grade', grade: 'inadequate', current: true, year: 2019 });
    expect(clip.finding?.councils.map((c) => c.name)).toEqual(['Lambeth']);
    expect(clip).toMatchObject({ category: 'grade', councilCodes: ['E09000022'], grades: ['inadequate'] });
    // Listed under This page's clips, live.
    await expect
      .poll(() => panel.getByRole('list', { name: 'Clips from this page' }).textContent())
      .toContain('rated inadequate by Ofsted following');
    await save.click();
    await expect.poll(() => panel.locator('.view-status').textContent()).toContain('Saved as a clip');
    expect(await mine()).toHaveLength(1);
    expect((await allClips(panel)).filter((c) => c.url.endsWith('/lambeth-2019.html'))).toHaveLength(3);
    await panel.close();
  });

  test('the same selection clipped twice is one clip, with the findings it overlaps', async () => {
    const panel = await env.ext.openSidePanel();
    const before = (await allClips(panel)).length;
    await article.bringToFront();
    await article.evaluate(() => window.scrollTo(0, 0));
    await clipText(article, 'rated inadequate by Ofsted');
    await article.keyboard.press('Escape');
    await clipText(article, 'rated inadequate by Ofsted');
    const same = (await allClips(panel)).filter((c) => c.quote === 'rated inadequate by Ofsted');
    expect(same).toHaveLength(1);
    expect((await allClips(panel)).length).toBe(before + 1);
    expect(same[0]).toMatchObject({ category: 'selection', councilCodes: ['E09000022'], grades: ['inadequate'] });
    expect(same[0].finding).toMatchObject({ kind: 'grade', grade: 'inadequate', year: 2019 });
    await panel.close();
  });

  test('Councils: one council’s timeline from two articles of different years, each point linking to its article', async () => {
    await saveRecordFromCard(article);
    const later = await openArticle('/lambeth-2023.html', article2023);
    // The Councils view, open while the record is saved in the other tab, updates live.
    const panel = await openPanelOn('Councils');
    const timeline = panel.getByRole('list', { name: 'Grade history of Lambeth, oldest first' });
    await expect.poll(() => timeline.textContent()).toContain('2019');
    expect(await timeline.textContent()).not.toContain('2023');
    await saveRecordFromCard(later);
    await expect.poll(() => timeline.textContent()).toContain('2023');
    const points = await timeline
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => ({ text: a.textContent ?? '', href: (a as HTMLAnchorElement).href })));
    // Oldest first: inadequate in 2019 … good in 2023 (as words, not only colours), each from its article.
    expect(points[0].text).toMatch(/^2019 inadequate/);
    expect(points.at(-1)?.text).toMatch(/^2023 good current/);
    expect(points.find((p) => /^2019 inadequate current/.test(p.text))?.href).toBe(
      `${env.server.origin}/lambeth-2019.html`,
    );
    expect(points.at(-1)?.href).toBe(`${env.server.origin}/lambeth-2023.html`);
    // The 2023 article recalls the 2019 grade: one 2019 point, with the 2023 article as a second source.
    expect(
      points.filter((p) => /^2019 inadequate/.test(p.text)),
      JSON.stringify(points),
    ).toHaveLength(1);
    expect(await timeline.getByRole('listitem').first().textContent()).toContain(
      "also in Lambeth children's services judged good by Ofsted",
    );
    const ofsted = panel.getByRole('link', { name: 'Ofsted reports for Lambeth' });
    expect(await ofsted.getAttribute('href')).toBe('https://reports.ofsted.gov.uk/provider/44/80506');
    // A point opens its article (here: its tab was closed, so a new one).
    await later.close();
    const before = env.ext.context.pages().length;
    await timeline.getByRole('link', { name: /^2023 good/ }).click();
    await expect.poll(() => env.ext.context.pages().length).toBe(before + 1);
    const opened = env.ext.context.pages().at(-1) as Page;
    expect(opened.url()).toBe(`${env.server.origin}/lambeth-2023.html`);
    await opened.close();
    await panel.close();
  });

  test('This page shows the saved inspection record, and clips saved in another tab appear live', async () => {
    const panel = await openPanelOn('This page');
    await expect
      .poll(() => panel.getByRole('region', { name: 'Saved inspection record' }).textContent())
      .toMatch(/Inspection record saved on .*: 1 outcome/);
    const list = panel.getByRole('list', { name: 'Clips from this page' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(4);
    await clipText(article, 'would act quickly to improve services');
    await expect.poll(() => list.textContent()).toContain('would act quickly to improve services');
    // The "Saved clips" count beside the switches is this page's true number of clips.
    await expect.poll(() => panel.getByText(/Saved clips/).textContent()).toMatch(/Saved clips\s*5/);
    await panel.close();
  });

  for (const scheme of ['light', 'dark'] as const)
    test(`axe-core finds no serious or critical issue in This page and Councils (${scheme}); screenshots`, async () => {
      await article.bringToFront();
      const panel = await env.ext.context.newPage();
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.goto(`chrome-extension://${env.ext.extensionId}/sidepanel.html`);
      await panel.getByRole('tab', { name: 'This page' }).click();
      await expect.poll(() => panel.getByRole('list', { name: 'Findings on this page' }).count()).toBe(1);
      await axeCheck(panel, `This page, ${scheme}`);
      await readmeScreenshot(panel, `this-page-${scheme}`);
      await panel.getByRole('tab', { name: 'Councils' }).click();
      await expect.poll(() => panel.getByRole('list', { name: /Grade history of Lambeth/ }).count()).toBe(1);
      await axeCheck(panel, `Councils, ${scheme}`);
      await readmeScreenshot(panel, `councils-${scheme}`);
      await panel.close();
    });
});
