// Site furniture inside the article container ("Read more:" links, share bars, newsletter and
// cookie lines): which extracted blocks are furniture (worked out once per block, and from the
// first changed block on a re-run), and the blocks left without it.
import { type FurnitureRule, furnitureFlags, furnitureRule } from '../analysis/furniture';
import { linkText } from './element-rules';
import type { ExtractedBlock } from './extracted';

/**
 * The furniture rule a block matches (null: story text), its text's rule worked out once per block;
 * with `links` (the article, not the whole body), a short block that is mostly links too.
 */
function ruleOf(block: ExtractedBlock, links: boolean): FurnitureRule | null {
  let rule = block.furniture;
  if (rule === undefined) {
    rule = furnitureRule(block.text);
    block.furniture = rule;
  }
  return rule ?? (links && mostlyLinks(block.element) ? LINK_LIST : null);
}

/** A short block that is mostly its links' text: a list of other stories ("More London news Croydon… Ealing…"). */
const LINK_LIST: FurnitureRule = { name: 'a list of links', re: /(?!)/, maxLength: 300, examples: [], nearMisses: [] };

/** Whether at least 70% of an element's text is in links (read only for short blocks with a link). */
function mostlyLinks(el: Element | null): boolean {
  if (!el?.firstElementChild) return false; // text alone (most paragraphs): no link to read
  const linked = linkText(el);
  return linked > 0 && linked >= 0.7 * (el.textContent?.length ?? 0);
}

/**
 * The last blocks whose furniture was worked out, and their flags: the next assembly (the whole
 * article after its first part, or a re-run) takes the flags of the blocks at its start that are
 * the same objects (the arrays are not changed once assembled).
 */
export interface FurnitureMemo {
  last: { blocks: readonly ExtractedBlock[]; flags: readonly boolean[]; teasers: boolean } | null;
}

/**
 * `furnitureFlags` of the blocks' texts, computed only from the first block that differs from
 * the memo's (a long page is assembled again after its first part and on every re-run).
 * `furnitureFlags` reads the blocks in order with one state, "under a related-stories heading",
 * that a block which is not furniture ends: after such a block the flags of the same blocks are
 * the same, so reading starts again after the last one before the first change.
 */
export function furnitureFlagsOf(blocks: readonly ExtractedBlock[], teasers: boolean, memo?: FurnitureMemo): boolean[] {
  const last = memo?.last;
  let start = 0;
  if (last && last.teasers === teasers) {
    const m = Math.min(blocks.length, last.blocks.length);
    let same = 0;
    while (same < m && blocks[same] === last.blocks[same]) same++;
    let j = same - 1;
    while (j >= 0 && last.flags[j]) j--;
    start = j + 1;
  }
  const texts = new Array<string>(blocks.length - start);
  for (let i = start; i < blocks.length; i++) texts[i - start] = blocks[i].text;
  const tail = furnitureFlags(texts, teasers, (i) => ruleOf(blocks[start + i], teasers));
  const flags = start && last ? last.flags.slice(0, start).concat(tail) : tail;
  if (memo) memo.last = { blocks, flags, teasers };
  return flags;
}

/**
 * The blocks that are story text (the same array when there is no furniture, the usual case).
 * `teasers`: also the lists under a related-stories heading (in the article, not the whole body).
 */
export function withoutFurniture(blocks: ExtractedBlock[], teasers: boolean, memo?: FurnitureMemo): ExtractedBlock[] {
  const flags = furnitureFlagsOf(blocks, teasers, memo);
  let out: ExtractedBlock[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const furniture = flags[i];
    if (furniture && !out) out = blocks.slice(0, i);
    else if (!furniture && out) out.push(blocks[i]);
  }
  return out ?? blocks;
}
