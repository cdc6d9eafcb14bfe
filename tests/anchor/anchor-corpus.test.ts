// @vitest-environment happy-dom
// Re-finding clips on real pages (../shared/corpus, where it is beside the project): real text
// repeats itself ("requires improvement", the council's name, "children in care"), which is where
// a quote's context and position must pick the right occurrence. On each page, clips of many
// sentences are saved; the page is then edited as sites edit articles (an update paragraph added
// at the top, a word changed in several paragraphs); every clip must be found again, at the place
// its sentence has moved to, with its words.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../lib/analysis/text';
import { anchorClips, pageText, spanOfRange } from '../../lib/page/clip-anchoring';
import { buildClip } from '../../lib/page/clipper';
import { corpusPages, corpusPagesDir } from '../support/corpus';

const corpus = corpusPagesDir;
const pages = corpusPages();

const UPDATE = 'Update: this article was amended after publication to add the council’s response to the report.';

/** Each text node's words "the" → "its" once, in every second block after the first: same length. */
function changeWords(blocks: Element[]): number {
  let changed = 0;
  blocks.forEach((el, i) => {
    if (i % 2) return;
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      const at = t.data.indexOf(' the ');
      if (at >= 0) {
        t.data = `${t.data.slice(0, at)} its ${t.data.slice(at + 5)}`;
        changed++;
        return;
      }
    }
  });
  return changed;
}

describe.skipIf(!pages.length)('clips re-found on the corpus’s real pages after the page is edited', () => {
  test.each(pages)('%s', (file) => {
    const html = fs.readFileSync(path.join(corpus, file), 'utf8');
    // The test's own document (happy-dom's Ranges in a DOMParser document read no text).
    document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>|<\/html>[\s\S]*$/g, '');
    const doc = document;
    const before = pageText(doc, 'article');
    // Every sentence of 30 characters or more in the article (the title's block left out), up to 40.
    const spans = splitSentences(before.text)
      .filter((s) => s.start > before.spans[0].end && s.end - s.start >= 30)
      .slice(0, 40);
    const clips = spans.map((s) => buildClip(`https://news.example/${file}`, before.text, s, 'article', 'selection'));
    const blocks = before.extracted.blocks.map((b) => b.element);
    if (!blocks.length) return;
    // An update paragraph before the article's first block, and same-length word changes.
    const first = blocks[0];
    const p = doc.createElement('p');
    p.textContent = UPDATE;
    first.parentNode?.insertBefore(p, first);
    changeWords(blocks.slice(1));
    const after = pageText(doc, 'article');
    const shift = after.text.length - before.text.length;
    expect(shift).toBeGreaterThan(UPDATE.length);
    const results = anchorClips(doc, clips);
    let edited = 0;
    results.forEach(({ range }, i) => {
      const want = { start: spans[i].start + shift, end: spans[i].end + shift };
      const got = range && spanOfRange(after, range);
      if (after.text.slice(want.start, want.end) === clips[i].quote || !got)
        expect({ clip: clips[i].quote, at: got }).toEqual({ clip: clips[i].quote, at: want });
      else {
        // A word of the quote itself changed: found where it stands, its ends within a character
        // or two (an edit at a quote's first word leaves its first letter to judgement).
        edited++;
        expect({
          clip: clips[i].quote,
          start: Math.abs(got.start - want.start) <= 2,
          end: Math.abs(got.end - want.end) <= 2,
        }).toEqual({ clip: clips[i].quote, start: true, end: true });
      }
    });
    expect(edited).toBeLessThan(clips.length);
  });
});
