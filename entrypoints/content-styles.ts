import { addEarlyHighlightStyles } from '../lib/page/highlight-styles';

// The highlights' styles, added to the page as this file runs: imported by the early script
// (entrypoints/early.ts) where the page looks like an article, before its body is parsed, so that
// the page's first styling of its body includes them. The engine, which carries its own copy, finds
// them there (the record of what was added is in the isolated world's global) and adds them itself
// where this file was not imported. On a short page the content script may have decided before
// this file ran: where it took the styles off (not an article, or paused), they are not added.
export default defineUnlistedScript(() => {
  addEarlyHighlightStyles(document);
});
