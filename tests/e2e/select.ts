// Page-side helpers for browser tests that clip: select text as a reader's drag would, and clip it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Selects `text` inside the first element matching `selector` as a reader's drag would, and releases the mouse. */
export async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([sel, wanted]) => {
      const root = document.querySelector(sel) as HTMLElement;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; at: number }[] = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, at: all.length });
        all += (n as Text).data;
      }
      const start = all.indexOf(wanted);
      if (start < 0) throw new Error(`not on the page: ${wanted}`);
      const pointAt = (offset: number) => {
        let hit = nodes[0];
        for (const x of nodes) if (x.at <= offset) hit = x;
        return [hit.node, offset - hit.at] as const;
      };
      const range = document.createRange();
      range.setStart(...pointAt(start));
      range.setEnd(...pointAt(start + wanted.length));
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [selector, text] as const,
  );
  // The reader's mouse release (trusted input: a page script's made-up mouseup offers nothing).
  await page.mouse.up();
}

/** Selects `text` in the article (or `within`) and saves it with the floating "Clip" button. */
export async function clipText(page: Page, text: string, within = 'article'): Promise<void> {
  await selectText(page, within, text);
  await page.getByRole('button', { name: 'Clip', exact: true }).click();
  await expect
    .poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 })
    .toContain('Saved to Inspection Lens');
}
