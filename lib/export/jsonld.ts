// The W3C Web Annotation export: an AnnotationCollection (context
// http://www.w3.org/ns/anno.jsonld) whose annotations target the article URL with a
// TextQuoteSelector and a TextPositionSelector. The note is a commenting TextualBody, each tag a
// tagging TextualBody, and what the clip is about (its category and finding: grade, councils with
// their ONS codes, current or previous, year, judgement area) a classifying TextualBody holding JSON.
import { type Clip, indexFieldsOf } from '../clips';
import { canonicalClip, type ExportData, sortClips } from './records';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Annotation ids are URNs made from the clip id, so an import finds the clip again. */
export const CLIP_URN = 'urn:inspection-lens:clip:';

/**
 * The classification a clip's classifying body holds (as JSON text). `councilCodes` and `grades`
 * only when they go beyond the finding's own: a passage saved from several of its findings (a
 * sentence's council, then its grade) indexes them all.
 */
export interface Classification {
  category: Clip['category'];
  finding?: Clip['finding'];
  councilCodes?: string[];
  grades?: string[];
}

function annotation(c: Clip) {
  const clip = canonicalClip(c);
  const own = indexFieldsOf(clip.finding);
  const more = (a: string[], b: string[]) => a.length !== b.length || a.some((x, i) => x !== b[i]);
  const classification: Classification = {
    category: clip.category,
    ...(clip.finding ? { finding: clip.finding } : {}),
    ...(more(clip.councilCodes, own.councilCodes) ? { councilCodes: clip.councilCodes } : {}),
    ...(more(clip.grades, own.grades) ? { grades: clip.grades } : {}),
  };
  const body: Record<string, unknown>[] = [];
  if (clip.note) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: clip.note });
  for (const tag of clip.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  body.push({
    type: 'TextualBody',
    purpose: 'classifying',
    format: 'application/json',
    value: JSON.stringify(classification),
  });
  return {
    id: CLIP_URN + encodeURIComponent(clip.id),
    type: 'Annotation',
    motivation: clip.note ? 'commenting' : 'highlighting',
    created: new Date(clip.created).toISOString(),
    modified: new Date(clip.updated).toISOString(),
    body,
    target: { source: clip.url, selector: clip.selectors },
  };
}

/** Builds the Web Annotation (JSON-LD) export of `data`'s clips, stamped with `now`. */
export function buildJsonLd(data: ExportData, now: Date): string {
  const items = sortClips(data.clips).map(annotation);
  const collection: Record<string, unknown> = {
    '@context': ANNO_CONTEXT,
    id: `urn:inspection-lens:export:${now.toISOString()}`,
    type: 'AnnotationCollection',
    label: 'Inspection Lens clips',
    total: items.length,
  };
  if (items.length) collection.first = { type: 'AnnotationPage', startIndex: 0, items };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
