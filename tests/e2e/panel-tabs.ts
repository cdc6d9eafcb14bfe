// The side panel's views are tabs ("This page", "Collection", "Councils"): tests that use the clip
// list, its filter or Export / Import first show the "Collection" tab, as a reader would.
import type { Page } from 'playwright-core';

/** Waits for the panel, then shows its "Collection" tab. */
export async function onCollection(opening: Promise<Page>): Promise<Page> {
  const panel = await opening;
  await panel.getByRole('tab', { name: 'Collection' }).click();
  return panel;
}
