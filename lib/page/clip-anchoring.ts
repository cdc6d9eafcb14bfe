// Clips on the page: turns a DOM selection (or a highlighted finding) into selectors over the
// article text, and re-finds saved clips as DOM Ranges when the page is visited again.

import { matchQuote } from '../anchor/match-quote';
import type { Clip } from '../clips';
import { type ExtractedDocument, extractArticle } from './extract';
import { offsetOf, rangeOfSpan, spanOfRange, type TextMap, textMapOf } from './text-map';

/** A text model of the page with the extraction it was read from. */
export interface PageText extends TextMap {
  extracted: ExtractedDocument;
}

/** The page's text for a clip model, read afresh (the article, or the whole body). */
export function pageText(doc: Document, model: Clip['textModel'] = 'article'): PageText {
  const extracted = extractArticle(doc, { wholeBody: model === 'body' });
  return { ...textMapOf(extracted, model), extracted };
}

export { offsetOf, spanOfRange };

export interface AnchorResult<C extends Pick<Clip, 'textModel' | 'selectors'> = Clip> {
  clip: C;
  range: Range | null;
}

/**
 * Re-finds clips in the page: a Range for each found clip, null for an orphan. `known` gives a
 * text map the page runner already read (its extraction, still current), else the page is read.
 */
export function anchorClips<C extends Pick<Clip, 'textModel' | 'selectors'>>(
  doc: Document,
  clips: C[],
  known: (model: Clip['textModel']) => TextMap | null = () => null,
): AnchorResult<C>[] {
  const models = new Map<Clip['textModel'], TextMap>();
  return clips.map((clip) => {
    let page = models.get(clip.textModel);
    if (!page) {
      page = known(clip.textModel) ?? pageText(doc, clip.textModel);
      models.set(clip.textModel, page);
    }
    const m = matchQuote(page.text, clip.selectors[0], clip.selectors[1]);
    if (!m) return { clip, range: null };
    return { clip, range: rangeOfSpan(doc, page, { start: m.start, end: m.end }) };
  });
}
