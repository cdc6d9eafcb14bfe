import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { furnitureFlags } from '../../lib/analysis/furniture';
import { runSteps } from '../../lib/analysis/steps';
import { parseHtml } from '../../lib/cli/parse-html';
import {
  type ExtractedBlock,
  ExtractionCache,
  extractArticle,
  extractArticleSteps,
  type FurnitureMemo,
  findMainContent,
  furnitureFlagsOf,
  rebuildBlock,
} from '../../lib/page/extract';
import { offsetOf, textMapOf } from '../../lib/page/text-map';

const pages = path.resolve(import.meta.dirname, '../fixtures/pages');
const load = (name: string) => parseHtml(fs.readFileSync(path.join(pages, name), 'utf8'));

/** Rebuilds a block's text from its DOM segments: it must equal the block text exactly. */
function fromSegments(b: ExtractedBlock): string {
  let out = '';
  for (const s of b.segments) {
    while (out.length < s.start) out += ' ';
    for (let i = 0; i < s.length; i++) {
      const off = s.offsets ? s.offsets[i] : s.nodeStart + i;
      const c = s.node.data[off];
      out += /\s/.test(c) ? ' ' : c;
    }
  }
  return out;
}

describe('main-content extraction', () => {
  test.each(fs.readdirSync(pages).filter((f) => f.endsWith('.html')))('%s: the article, not the clutter', (file) => {
    const x = extractArticle(load(file));
    const all = x.blocks.map((b) => b.text).join('\n');
    expect(['ARTICLE', 'MAIN']).toContain(x.root.tagName);
    expect(x.title.length).toBeGreaterThan(3);
    expect(x.titleBlock?.element.tagName).toBe('H1');
    expect(all).not.toMatch(
      /Related stories|Sign up to our newsletter|Example Street|Privacy|Jobs|Read more|Most read|Reader comment|cookies|HU5 1UN/,
    );
    for (const b of x.blocks) expect(fromSegments(b)).toBe(b.text);
  });

  test('white space is collapsed and inline markup joins into one block', () => {
    const doc = parseHtml(
      '<html><body><article><h1>Head  line</h1><p>  Lambeth was\n   rated <em>‘inadequate’</em> by <a href="#">Ofsted</a>, inspectors said, and this paragraph is long enough.</p></article></body></html>',
    );
    const x = extractArticle(doc);
    expect(x.title).toBe('Head line');
    expect(x.blocks.map((b) => b.text)).toEqual([
      'Lambeth was rated ‘inadequate’ by Ofsted, inspectors said, and this paragraph is long enough.',
    ]);
    expect(fromSegments(x.blocks[0])).toBe(x.blocks[0].text);
    // Five text nodes; the first, with white space collapsed inside it, maps as linear pieces.
    expect(new Set(x.blocks[0].segments.map((s) => s.node)).size).toBe(5);
    const first = x.blocks[0].segments.filter((s) => s.node === x.blocks[0].segments[0].node);
    expect(first.map((s) => s.node.data.slice(s.nodeStart, s.nodeStart + s.length))).toEqual([
      'Lambeth was\n',
      'rated ',
    ]);
    expect(first.every((s) => s.offsets === null)).toBe(true);
  });

  test('white space at node edges: a space after a space is dropped, non-breaking spaces become spaces', () => {
    const doc = parseHtml(
      '<html><body><article><p>Ofsted said <b> Hackney </b> \u00a0 was <i>\n\tgood</i>\u00a0and more words to make it long enough.</p></article></body></html>',
    );
    const b = extractArticle(doc).blocks[0];
    expect(b.text).toBe('Ofsted said Hackney was good and more words to make it long enough.');
    expect(fromSegments(b)).toBe(b.text);
  });

  test('a paragraph read whole gives the text and the text nodes a read node by node gives', () => {
    // Paragraphs of text and inline elements are read with one textContent; the others node by node.
    const doc = parseHtml(
      '<html><body><article><h1>Head</h1>' +
        '<p>  Lambeth was\n   rated <em>‘inadequate’</em> by <a href="#" class="x">Ofsted</a>,  <!-- note --> inspectors <b><i> said </i></b>. </p>' +
        '<p>Ofsted said <b> Hackney </b> \u00a0 was <i>\n\tgood</i>\u00a0and \u2003 more.\t</p>' +
        '<p>Kent <span class="visually-hidden">Essex</span> was good, <span aria-hidden="true">Surrey</span>inspectors said.</p>' +
        '<p>Rated good<br>today.</p>' +
        '<p>Before <span>a <div>nested block</div> after</span> the end.</p>' +
        '<li> \n </li><p>   </p><p>Sutton</p>' +
        '</article></body></html>',
    );
    const blocks = extractArticle(doc).blocks;
    expect(blocks.map((b) => b.text)).toEqual([
      'Lambeth was rated ‘inadequate’ by Ofsted, inspectors said .',
      'Ofsted said Hackney was good and \u2003 more.',
      'Kent was good, inspectors said.',
      'Rated good\ntoday.', // a <br> is a new line in the block (the sentence splitter reads it)
      'Before a',
      'nested block',
      'after the end.',
      'Sutton',
    ]);
    for (const b of blocks) {
      // rebuildBlock reads the element's own content node by node.
      const walked = rebuildBlock(b.element, b.text);
      expect(walked, b.text).not.toBeNull();
      const plain = (x: ExtractedBlock) =>
        x.segments.map((s) => [s.node, s.start, s.length, s.nodeStart, s.offsets && [...s.offsets]]);
      expect(plain(b), b.text).toEqual(plain(walked as ExtractedBlock));
    }
  });

  test('a headline outside the article body still gives the title, without the site name', () => {
    const body =
      '<body><header class="masthead"><h1>Site News</h1></header><div class="top"><h1>Lambeth exits inadequate</h1></div><article><p>Ofsted has rated Lambeth’s children’s services as requiring improvement, inspectors said in a report.</p></article></body>';
    expect(
      extractArticle(parseHtml(`<html><head><title>Lambeth exits inadequate | CYP Now</title></head>${body}</html>`))
        .title,
    ).toBe('Lambeth exits inadequate');
    const noH1 =
      '<body><article><p>Ofsted has rated Lambeth’s children’s services as requiring improvement, inspectors said.</p></article></body>';
    expect(
      extractArticle(parseHtml(`<html><head><title>Lambeth exits inadequate | CYP Now</title></head>${noH1}</html>`))
        .title,
    ).toBe('Lambeth exits inadequate');
  });

  test('hidden, script and aria-hidden content is not text', () => {
    const doc = parseHtml(
      '<html><body><main><p>Visible paragraph about Hackney children’s services and Ofsted, long enough to count.</p><p hidden>Hidden Essex</p><script>var Kent = 1</script><p aria-hidden="true">Aria Surrey</p></main></body></html>',
    );
    const text = extractArticle(doc)
      .blocks.map((b) => b.text)
      .join(' ');
    expect(text).toContain('Hackney');
    expect(text).not.toMatch(/Essex|Kent|Surrey/);
  });

  test('furniture inside the article is left out; captions and credits naming a council stay', () => {
    const doc = parseHtml(
      `<html><body><article><h1>Ofsted rates Oldham children's services good</h1>
      <p>Share this article</p>
      <p>Oldham Council's children's services have been rated good by Ofsted after an inspection in June.</p>
      <figure><img alt=""><figcaption>Oldham Civic Centre. Picture: Oldham Council</figcaption></figure>
      <p>READ MORE: Bury school rated inadequate by inspectors</p>
      <p>Inspectors said social workers knew their children well.</p>
      <p>Get daily updates directly to your inbox. Sign up for our free newsletter.</p>
      <p>Continue reading</p></article></body></html>`,
    );
    const a = extractArticle(doc);
    const text = a.blocks.map((b) => b.text);
    expect(a.title).toBe("Ofsted rates Oldham children's services good");
    expect(text).toEqual([
      "Oldham Council's children's services have been rated good by Ofsted after an inspection in June.",
      'Oldham Civic Centre. Picture: Oldham Council',
      'Inspectors said social workers knew their children well.',
    ]);
  });
});

describe('articles that name themselves with furniture words, and boxes inside them', () => {
  test('a WordPress post whose element carries its tags as classes ("tag-ofsted") is the article', () => {
    const doc = parseHtml(
      `<html><body><nav><a href="/">Home</a></nav><main id="main"><article class="post type-post category-children tag-ilacs tag-ofsted">
      <h1>Norfolk rated outstanding</h1><div class="entry-content">
      <p>Norfolk County Council's children's services have been rated outstanding by Ofsted.</p>
      <p>Inspectors said leaders knew their services well and acted on what they found.</p></div>
      <footer class="entry-footer"><span class="tags-links">Tagged: Ofsted, ILACS</span></footer></article></main></body></html>`,
    );
    const text = extractArticle(doc).blocks.map((b) => b.text);
    expect(text).toEqual([
      "Norfolk County Council's children's services have been rated outstanding by Ofsted.",
      'Inspectors said leaders knew their services well and acted on what they found.',
    ]);
  });

  test('a box of the judgements inside the article is read; a box of related links and an aside outside it are not', () => {
    const doc = parseHtml(
      `<html><body><article><h1>Middlesbrough children's services improve</h1>
      <p>Middlesbrough Council's children's services are now rated requires improvement to be good.</p>
      <aside class="key-findings"><h3>How Ofsted graded Middlesbrough</h3><ul>
      <li>Children in care: Good</li><li>Care leavers: Requires improvement to be good</li></ul></aside>
      <aside class="inline-box"><a href="/a">Redcar and Cleveland children's services rated good</a></aside>
      <p>Inspectors said pathway plans were too variable.</p></article>
      <aside><h3>Most read</h3><p>Stockton council rated inadequate in shock report</p></aside></body></html>`,
    );
    const text = extractArticle(doc).blocks.map((b) => b.text);
    expect(text).toContain('Care leavers: Requires improvement to be good');
    expect(text).toContain('Inspectors said pathway plans were too variable.');
    expect(text.join('\n')).not.toMatch(/Redcar|Stockton/);
  });
});

describe('tables', () => {
  test('a table row is one block, its cells joined by " | ", each cell\'s characters still mapped to the page', () => {
    const doc = parseHtml(
      `<html><body><article><h1>Round-up</h1><p>Ofsted published four inspections of councils in June.</p>
      <table><tr><th>Council</th><th>Outcome</th><th>Previous</th></tr>
      <tr><td>Barnsley</td><td><p>Good</p></td><td>Requires improvement (2022)</td></tr></table>
      <p>Barnsley Council moved up to good.</p></article></body></html>`,
    );
    const blocks = extractArticle(doc).blocks;
    const texts = blocks.map((b) => b.text);
    expect(texts).toContain('Council | Outcome | Previous');
    const row = blocks.find((b) => b.text.startsWith('Barnsley |'));
    expect(row?.text).toBe('Barnsley | Good | Requires improvement (2022)');
    expect(row?.element.localName).toBe('tr');
    // Every character of a cell is the page's; the gaps between cells are no page character.
    const at = (i: number) => row?.segments.find((s) => i >= s.start && i < s.start + s.length);
    const g = row?.text.indexOf('Good') ?? -1;
    expect(at(g)?.node.data).toBe('Good');
    expect(at(row?.text.indexOf(' | ') ?? -1)).toBeUndefined();
    // Read again after the page's text nodes are split (as highlighting does): the same row.
    expect(row && rebuildBlock(row.element, row.text)?.text).toBe(row?.text);
  });

  test('a page laid out in a table (the article in one cell) keeps its paragraphs', () => {
    const long =
      'Inspectors said the quality of assessments remained variable across the borough, and that too many children were still waiting too long for an initial assessment by a social worker. '.repeat(
        2,
      );
    const doc = parseHtml(
      `<html><body><table><tr><td class="menu-cell"><a href="/">Home</a></td><td><h1>Doncaster rated adequate</h1>
      <p>${long}</p><p>${long}</p></td></tr></table></body></html>`,
    );
    const texts = extractArticle(doc).blocks.map((b) => b.text);
    expect(texts.filter((t) => t.startsWith('Inspectors said')).length).toBe(2);
    expect(texts.join('\n')).not.toContain(' | ');
  });
});

describe('hard-wrapped lines', () => {
  test("a PDF or minute's copy laid out a line to a paragraph is read a sentence at a time; finished lines and list items stay apart", () => {
    const doc = parseHtml(
      `<html><body><article><h1>Minutes of the committee</h1>
      <p>Members were informed that the overall effectiveness of services had been judged as</p>
      <p>Requires Improvement to be Good. The impact of leaders on social work practice had been</p>
      <p>judged Good, and the experiences and progress of children in care and care leavers had been</p>
      <p>judged Requires Improvement to be Good.</p>
      <p>The Director highlighted the areas that inspectors had identified for improvement:</p>
      <p>• the quality and timeliness of assessments for children in need;</p>
      <p>• the sufficiency of local placements for children in care.</p>
      <p>Members thanked the staff of the service for their work during the inspection</p>
      <p>RESOLVED: That the report be noted.</p></article></body></html>`,
    );
    const blocks = extractArticle(doc).blocks;
    const texts = blocks.map((b) => b.text);
    expect(texts[0]).toBe(
      'Members were informed that the overall effectiveness of services had been judged as Requires Improvement to be Good. The impact of leaders on social work practice had been judged Good, and the experiences and progress of children in care and care leavers had been judged Requires Improvement to be Good.',
    );
    expect(texts.slice(1)).toEqual([
      'The Director highlighted the areas that inspectors had identified for improvement:',
      '• the quality and timeliness of assessments for children in need;',
      '• the sufficiency of local placements for children in care.',
      'Members thanked the staff of the service for their work during the inspection',
      'RESOLVED: That the report be noted.',
    ]);
    // Each line's characters are the page's; the gaps between lines are no page character.
    const joined = blocks[0];
    const at = (i: number) => joined.segments.find((s) => i >= s.start && i < s.start + s.length);
    expect(at(joined.text.indexOf('Requires'))?.node.data.startsWith('Requires Improvement')).toBe(true);
    expect(at(joined.text.indexOf(' Requires'))).toBeUndefined();
    expect(fromSegments(joined).replace(/ +/g, ' ')).toBe(joined.text);
    // Read again after the page's text nodes are split (as highlighting does): the same block.
    expect(rebuildBlock(joined.element, joined.text)?.text).toBe(joined.text);
    // A point in a later line maps to its offset in the page's text (saving a selection there).
    const map = textMapOf(extractArticle(doc));
    const third = doc.querySelectorAll('article p')[2].firstChild as Text;
    const point = offsetOf(map, third, 0, 'start');
    expect(point !== null && map.text.slice(point, point + 12)).toBe('judged Good,');
  });
});

describe('lists of links inside the article', () => {
  test('a short block that is mostly links (other stories) is left out; a paragraph with a link in it stays', () => {
    const doc = parseHtml(
      `<html><body><article><h1>Hammersmith and Fulham outstanding</h1>
      <p>Hammersmith and Fulham Council's children's services have been rated outstanding, <a href="/r">the report</a> says.</p>
      <section class="rail__box"><span class="rail__title">More London news</span>
      <span class="rail__item"><a href="/1">Croydon children's services 'require improvement' but show progress</a></span>
      <span class="rail__item"><a href="/2">Ealing Council's children's services rated good</a></span></section>
      <p>Inspectors praised the borough's early help offer.</p></article></body></html>`,
    );
    const text = extractArticle(doc).blocks.map((b) => b.text);
    expect(text).toEqual([
      "Hammersmith and Fulham Council's children's services have been rated outstanding, the report says.",
      "Inspectors praised the borough's early help offer.",
    ]);
  });
});

describe('an article in several boxes', () => {
  test("the standfirst in the story's header is read with its body (an articleBody inside the <article>)", () => {
    const body =
      '<p>Inspectors found that the response to teenagers at risk of exploitation, serious youth violence and going missing was inconsistent across the borough.</p>'.repeat(
        4,
      );
    const doc = parseHtml(
      `<html><body><article class="story"><header class="story__header"><h1>Southwark downgraded by Ofsted</h1>
      <p class="story__standfirst">Southwark Council's services have dropped from 'good' to 'requires improvement'.</p></header>
      <div class="story__body" itemprop="articleBody">${body}</div></article></body></html>`,
    );
    const text = extractArticle(doc).blocks.map((b) => b.text);
    expect(text[0]).toBe("Southwark Council's services have dropped from 'good' to 'requires improvement'.");
  });

  test('a second story appended below by infinite scroll is not read with the first', () => {
    const story = (council: string, grade: string) =>
      `<article class="article"><h1>${council} children’s services ${grade}</h1><div class="article__body">
      <p>${council} Council’s children’s services have been judged ${grade} by Ofsted, after an inspection in January, inspectors said.</p>
      <p>Inspectors said, in their report, that leaders in ${council} knew their services, their strengths and their weaknesses well.</p>
      <p>They also found that, for some children, plans were not reviewed often enough, and drift was not always challenged.</p></div></article>`;
    const doc = parseHtml(
      `<html><body><div class="article-stream">${story('Derbyshire', 'outstanding')}${story('Nottingham', 'good')}</div></body></html>`,
    );
    const x = extractArticle(doc);
    const text = [x.title, ...x.blocks.map((b) => b.text)].join('\n');
    expect(text).toContain('Derbyshire Council');
    expect(text).not.toContain('Nottingham');
  });

  test('a council page whose inspections sit in accordions is read whole, not one box of it', () => {
    const box = (year: number) =>
      `<details><summary>${year}: inspection</summary><div class="acc__content"><p>${year}: In our most recent full inspection, carried out in February 2025, Ofsted judged the county children’s services to be outstanding, with strong leadership, stable teams and good support.</p><p>Inspectors said, in ${year}, that plans for disabled children, care leavers and children in need were not always clear.</p></div></details>`;
    const doc = parseHtml(
      `<html><body><nav><a href="/">Home</a></nav><main><div class="grid"><div class="grid__main"><h1>Ofsted inspection results</h1>
      <div class="accordions">${box(2025)}${box(2023)}${box(2022)}</div></div>
      <div class="grid__side"><h2>Contact us</h2>${'<p>Phone 01926 410410 (office hours)</p>'.repeat(80)}</div></div></main>
      <footer class="site-footer"><p>Warwickshire County Council, Shire Hall, Warwick, a long footer line with, many, commas, in it, to score.</p></footer></body></html>`,
    );
    const text = extractArticle(doc)
      .blocks.map((b) => b.text)
      .join('\n');
    for (const year of [2025, 2023, 2022]) expect(text).toContain(`${year}: In our most recent`);
    expect(text).not.toContain('Shire Hall');
  });
});

describe('re-reading a changed page (ExtractionCache)', () => {
  const html =
    '<html><body><article><h1>Ofsted rates Lambeth</h1><p>First paragraph about the inspection, long enough to count.</p><div>Loose text in a div <p>A nested paragraph inside the div.</p> more loose text.</div><p>Third paragraph with <em>emphasis</em> and a <a href="#">link</a> in it.</p></article></body></html>';
  const texts = (x: ReturnType<typeof extractArticle>) => x.blocks.map((b) => b.text);

  test('unchanged leaf blocks are taken as they were; the result is what a fresh read gives', () => {
    const doc = parseHtml(html);
    const cache = new ExtractionCache();
    const first = extractArticle(doc, { cache });
    expect(cache.reused).toBe(0);
    const second = extractArticle(doc, { cache });
    // The h1, the three <p> are leaves; the <div> holds a block, so it is always read again.
    expect(cache.reused).toBe(4);
    expect(texts(second)).toEqual(texts(first));
    expect(texts(second)).toEqual(texts(extractArticle(doc)));
    expect(second.blocks[0]).toBe(first.blocks[0]);
  });

  test('a changed text and an added paragraph are read again once reported; the rest is reused', () => {
    const doc = parseHtml(html);
    const cache = new ExtractionCache();
    extractArticle(doc, { cache });
    const em = doc.querySelector('em') as Element;
    (em.firstChild as Text).data = 'strong words';
    cache.markDirty(em.firstChild as Node);
    const p = doc.createElement('p');
    p.textContent = 'A late paragraph, added by the page after it loaded.';
    doc.querySelector('article')?.append(p);
    cache.markDirty(doc.querySelector('article') as Node);
    const again = extractArticle(doc, { cache });
    expect(texts(again)).toEqual(texts(extractArticle(doc)));
    expect(texts(again)).toContain('Third paragraph with strong words and a link in it.');
    expect(texts(again).at(-1)).toBe('A late paragraph, added by the page after it loaded.');
    // h1, first and nested paragraphs reused; the edited one and the new one read.
    expect(cache.reused).toBe(3);
    // Reported changes are used up: a third read reuses everything, the edit included.
    extractArticle(doc, { cache });
    expect(cache.reused).toBe(5);
  });

  test('a change reported while a read is under way still counts for the next read', () => {
    const doc = parseHtml(html);
    const cache = new ExtractionCache();
    extractArticle(doc, { cache });
    const steps = extractArticleSteps(doc, { cache }, 1);
    // One node per step: after eight, the first paragraph has been read (and kept) in this run.
    for (let i = 0; i < 8; i++) steps.next();
    const first = doc.querySelector('p') as Element;
    (first.firstChild as Text).data = 'Changed while being read: a new first paragraph.';
    cache.markDirty(first.firstChild as Node);
    const during = runSteps(steps);
    expect(during.blocks.map((b) => b.text)).not.toContain('Changed while being read: a new first paragraph.');
    const after = extractArticle(doc, { cache });
    expect(texts(after)).toEqual(texts(extractArticle(doc)));
    expect(texts(after)).toContain('Changed while being read: a new first paragraph.');
  });
});

describe('the first part of a long article', () => {
  /** An article of 60 numbered paragraphs of about 100 characters each. */
  function longDoc() {
    const paras = Array.from(
      { length: 60 },
      (_, i) => `<p>Paragraph ${i}: inspectors found that the council's services for children had changed again.</p>`,
    ).join('');
    return parseHtml(
      `<html><head><title>Long</title></head><body><article><h1>Long</h1>${paras}</article></body></html>`,
    );
  }
  const number = (b: ExtractedBlock) => Number(/^Paragraph (\d+)/.exec(b.text)?.[1] ?? -1);
  /** Runs the steps, keeping every first part yielded on the way. */
  function parts(steps: ReturnType<typeof extractArticleSteps>) {
    const out: number[][] = [];
    for (let r = steps.next(); !r.done; r = steps.next()) if (r.value) out.push(r.value.blocks.map(number));
    return out;
  }

  test('without a view, the top alone, once', () => {
    const got = parts(extractArticleSteps(longDoc(), { firstChars: 1000 }));
    expect(got).toHaveLength(1);
    expect(got[0]).toEqual([...Array(got[0].length).keys()]);
    expect(got[0].length).toBeGreaterThan(5);
    expect(got[0].length).toBeLessThan(15);
  });

  test('a reader scrolled down: the top and the paragraphs in view, not those between', () => {
    const doc = longDoc();
    const seen: number[] = [];
    const view = (el: Element) => {
      const n = Number(/^Paragraph (\d+)/.exec(el.textContent ?? '')?.[1] ?? -1);
      seen.push(n);
      return n < 40 ? -1 : n <= 43 ? 0 : 1;
    };
    const got = parts(extractArticleSteps(doc, { firstChars: 1000, view }));
    const top = parts(extractArticleSteps(longDoc(), { firstChars: 1000 }))[0];
    expect(got).toEqual([[...top, 40, 41, 42, 43]]);
    // Positions are read only after the top, and no further than the first paragraph after the view.
    expect(Math.min(...seen)).toBe(top.length);
    expect(Math.max(...seen)).toBe(44);
    // The whole article is extracted as without a view.
    expect(runSteps(extractArticleSteps(doc, { firstChars: 1000, view })).blocks.map(number)).toEqual([
      ...Array(60).keys(),
    ]);
  });

  test('a reader at the top: the first part comes as early as without a view', () => {
    const view = (el: Element) => (Number(/^Paragraph (\d+)/.exec(el.textContent ?? '')?.[1] ?? 0) < 8 ? 0 : 1);
    const top = parts(extractArticleSteps(longDoc(), { firstChars: 1000 }))[0];
    expect(parts(extractArticleSteps(longDoc(), { firstChars: 1000, view }))).toEqual([top]);
  });

  test('a long page is known as one once the top is read: the first part comes without reading on', () => {
    // 60 paragraphs of about 100 characters: long with 4,000 characters as the threshold.
    const top = parts(extractArticleSteps(longDoc(), { firstChars: 1000 }))[0];
    const steps = extractArticleSteps(longDoc(), { firstChars: 1000, longChars: 4000 }, 1);
    let before = 0;
    let total = 0;
    let got: number[] | null = null;
    for (let r = steps.next(); !r.done; r = steps.next()) {
      total++;
      if (r.value) got = r.value.blocks.map(number);
      else if (!got) before++;
    }
    expect(got).toEqual(top);
    // Yielded after the nodes of the top (a sixth of the page), not of the first 4,000 characters (two thirds).
    expect(before).toBeLessThan(total / 4);
  });

  test('a page under the long threshold has no first part, however deep its rest lies', () => {
    /** 30 such paragraphs in sections of 10, with a long script inside the article. */
    const sectioned = (script: boolean) => {
      const paras = (from: number) =>
        Array.from(
          { length: 10 },
          (_, i) =>
            `<p>Paragraph ${from + i}: inspectors found that the council's services for children had changed again.</p>`,
        ).join('\n');
      const sections = Array.from({ length: 3 }, (_, s) => `<section><div>${paras(s * 10)}</div></section>`).join('');
      const js = script ? `<script>var x = "${'x'.repeat(20_000)}";</script>` : '';
      return parseHtml(
        `<html><head><title>Long</title></head><body><article><h1>Long</h1>${sections}${js}</article></body></html>`,
      );
    };
    const chars = runSteps(extractArticleSteps(sectioned(false))).blocks.reduce((n, b) => n + b.text.length, 0);
    expect(chars).toBeGreaterThan(2500);
    expect(chars).toBeLessThan(3300);
    expect(parts(extractArticleSteps(sectioned(false), { firstChars: 500, longChars: 2500 }, 1))).toHaveLength(1);
    expect(parts(extractArticleSteps(sectioned(false), { firstChars: 500, longChars: 4000 }, 1))).toEqual([]);
    // A script's text is not the article's.
    expect(parts(extractArticleSteps(sectioned(true), { firstChars: 500, longChars: 4000 }, 1))).toEqual([]);
  });

  test('a view below the end of the article: no first part, the whole article at once', () => {
    const got = parts(extractArticleSteps(longDoc(), { firstChars: 1000, view: () => -1 }));
    expect(got).toEqual([]);
  });

  /** Counts the whole-page paragraph queries `findMainContent` makes (the choice of the container). */
  function countChoices(doc: Document) {
    const body = doc.body;
    const qsa = body.querySelectorAll.bind(body);
    const count = { n: 0 };
    body.querySelectorAll = ((sel: string) => {
      if (sel === 'p, pre, blockquote, li') count.n++;
      return qsa(sel);
    }) as typeof body.querySelectorAll;
    return count;
  }

  test('the first part comes before the whole page is sampled to choose the container; the choice follows', () => {
    const paras = Array.from(
      { length: 60 },
      (_, i) =>
        `<p>Paragraph ${i}: inspectors found that the council's services for children had changed again, with plans reviewed every month.</p>`,
    ).join('');
    const doc = parseHtml(`<html><body><nav><p>Home</p></nav><article><h1>Long</h1>${paras}</article></body></html>`);
    const choices = countChoices(doc);
    const steps = extractArticleSteps(doc, { firstChars: 1000, longChars: 4000 }, 1);
    let r = steps.next();
    while (!r.done && !r.value) r = steps.next();
    expect(r.done).toBe(false);
    expect(choices.n).toBe(0);
    while (!r.done) r = steps.next();
    expect(choices.n).toBe(1);
    expect(r.value.blocks.map(number)).toEqual([...Array(60).keys()]);
  });

  /** A teaser article with a long paragraph before the story, which is in a plain div. */
  function teaserFirst(paragraphs: number) {
    const paras = Array.from(
      { length: paragraphs },
      (_, i) =>
        `<p>Paragraph ${i}: inspectors found that the council's services for children had changed again, with plans reviewed every month.</p>`,
    ).join('');
    const teaser = `<article class="teaser"><p>${'A teaser for another story, long enough to be taken for the story at first sight. '.repeat(2)}</p></article>`;
    return parseHtml(
      `<html><head><title>Long</title></head><body>${teaser}<div class="story"><h1>Long</h1>${paras}</div></body></html>`,
    );
  }

  test.each([
    ['long (the first part from the guess, then read again)', 60],
    ['not long (known at the first part)', 12],
    ['shorter than the first part', 3],
  ])('a wrong guess of the container, %s: the whole article is the chosen container’s', (_name, n) => {
    const story = teaserFirst(n).querySelector('.story');
    const doc = teaserFirst(n);
    expect(findMainContent(doc).className).toBe('story');
    const expected = runSteps(extractArticleSteps(teaserFirst(n))).blocks.map((b) => b.text);
    // The story's paragraphs (its headline set apart), not the teaser.
    expect(expected.map((t) => t.slice(0, 10))).toEqual(Array(n).fill('Paragraph '));
    for (const cache of [undefined, new ExtractionCache()]) {
      const d = teaserFirst(n);
      const got = runSteps(extractArticleSteps(d, { firstChars: 1000, longChars: 4000, ...(cache ? { cache } : {}) }));
      expect(got.blocks.map((b) => b.text)).toEqual(expected);
      expect(got.root).toBe(d.querySelector('.story'));
      // The cache keeps the chosen container, and a re-run reads the same.
      if (cache) {
        expect(cache.keptContainer(d)).toBe(d.querySelector('.story'));
        expect(runSteps(extractArticleSteps(d, { cache })).blocks.map((b) => b.text)).toEqual(expected);
      }
    }
    expect(story).not.toBeNull();
  });

  test.each([
    ...fs
      .readdirSync(pages)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, fs.readFileSync(path.join(pages, f), 'utf8')]),
  ])('%s: with a first part (a guessed container), the same article as read whole', (_name, html) => {
    const whole = runSteps(extractArticleSteps(parseHtml(html)));
    const doc = parseHtml(html);
    const got = runSteps(extractArticleSteps(doc, { firstChars: 300, longChars: 600, cache: new ExtractionCache() }));
    expect(got.title).toBe(whole.title);
    expect(got.blocks.map((b) => [b.text, b.element.tagName])).toEqual(
      whole.blocks.map((b) => [b.text, b.element.tagName]),
    );
    expect(got.root).toBe(findMainContent(doc));
  });
});

describe('choosing the main content', () => {
  const para = (i: number) =>
    `<p>Paragraph ${i}: inspectors found that leaders, managers and social workers had improved practice, with plans reviewed regularly.</p>`;
  const links = (n: number, words: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<li><a href="/s${i}">${words} ${i}, with a longer headline so that the item reads like a paragraph of text</a></li>`,
    ).join('');
  const built: [string, string][] = [
    ['a long article', `<article><h1>Head</h1>${Array.from({ length: 3000 }, (_, i) => para(i)).join('')}</article>`],
    [
      'an article beside a longer list of links',
      `<div class="wrap"><div class="story">${Array.from({ length: 30 }, (_, i) => para(i)).join('')}</div><div class="more"><ul>${links(60, 'Another story')}</ul></div></div>`,
    ],
    [
      'paragraphs that are mostly links',
      `<main><div>${Array.from({ length: 40 }, (_, i) => `<p><a href="/x${i}">A linked paragraph ${i} that is long enough to be scored, with commas, here</a> and a tail.</p>`).join('')}</div><div>${Array.from({ length: 12 }, (_, i) => para(i)).join('')}</div></main>`,
    ],
  ];
  test.each([
    ...fs
      .readdirSync(pages)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, fs.readFileSync(path.join(pages, f), 'utf8')]),
    ...built.map(([name, body]) => [name, `<html><head><title>t</title></head><body>${body}</body></html>`]),
  ])('%s: the same element as with every text length read', (_name, html) => {
    const doc = parseHtml(html);
    expect(findMainContent(doc)).toBe(findMainContent(doc, true));
  });

  test("a long article's whole text is not read as one string to choose it", () => {
    const doc = parseHtml(`<html><body>${built[0][1]}</body></html>`);
    const article = doc.querySelector('article') as Element;
    let reads = 0;
    const proto = Object.getPrototypeOf(article);
    const desc = (() => {
      for (let o = proto; o; o = Object.getPrototypeOf(o)) {
        const d = Object.getOwnPropertyDescriptor(o, 'textContent');
        if (d) return d;
      }
      throw new Error('no textContent');
    })();
    Object.defineProperty(article, 'textContent', {
      get() {
        reads++;
        return desc.get?.call(this);
      },
    });
    expect(findMainContent(doc)).toBe(article);
    expect(reads).toBe(0);
  });
});

describe('re-runs: what is taken from the last run', () => {
  const page = (n: number) =>
    `<html><body><nav><p>Home, News, Sport, Weather, and a long menu line of links for the whole site</p></nav><article><h1>Ofsted rates Lambeth</h1>${Array.from(
      { length: n },
      (_, i) =>
        `\n<p>Paragraph ${i}: inspectors found that leaders, managers and social workers had improved practice.</p>`,
    ).join('')}\n</article></body></html>`;
  const texts = (x: ReturnType<typeof extractArticle>) => x.blocks.map((b) => b.text);
  /** The article's blocks as a fresh read gives them, beside the cached read. */
  const same = (doc: Document, cache: ExtractionCache) =>
    expect(texts(extractArticle(doc, { cache }))).toEqual(texts(extractArticle(doc)));

  test('paragraphs appended, inserted, moved and added again give what a fresh read gives', () => {
    const doc = parseHtml(page(20));
    const article = doc.querySelector('article') as Element;
    const cache = new ExtractionCache();
    extractArticle(doc, { cache });
    const para = (text: string) => {
      const p = doc.createElement('p');
      p.textContent = text;
      return p;
    };
    // Appended at the end (the quick path: nodes new to the list).
    const a = para('Update: Southwark was rated good in 2019.');
    article.append(a);
    cache.markChildren(article, [a], []);
    same(doc, cache);
    expect(texts(extractArticle(doc, { cache })).at(-1)).toBe('Update: Southwark was rated good in 2019.');
    // Inserted in the middle, and at the start.
    const ps = article.querySelectorAll('p');
    const b = para('Inserted in the middle.');
    ps[10].before(b);
    const c = para('Inserted at the start.');
    article.prepend(c);
    cache.markChildren(article, [b], []);
    cache.markChildren(article, [c], []);
    same(doc, cache);
    // Moved within the article (removed, then added elsewhere), and added, removed and added again.
    const moved = article.querySelectorAll('p')[3];
    moved.remove();
    cache.markChildren(article, [], [moved]);
    article.append(moved);
    cache.markChildren(article, [moved], []);
    const d = para('Added twice.');
    article.append(d);
    cache.markChildren(article, [d], []);
    d.remove();
    cache.markChildren(article, [], [d]);
    article.prepend(d);
    cache.markChildren(article, [d], []);
    same(doc, cache);
    // The article's children were still taken from the last run's list (not read again).
    expect(cache.listed).toBeGreaterThan(40);
    expect(texts(extractArticle(doc, { cache })).filter((t) => t === 'Added twice.')).toHaveLength(1);
    // A paragraph's text changed: it is read again though its parent's list is used.
    const text = article.querySelectorAll('p')[5].firstChild as Text;
    text.data = 'Changed text of a listed paragraph.';
    cache.markDirty(text);
    same(doc, cache);
    expect(cache.listed).toBeGreaterThan(40);
    expect(texts(extractArticle(doc, { cache }))).toContain('Changed text of a listed paragraph.');
  });

  test('the article container is chosen again only when a change lies outside it', () => {
    const doc = parseHtml(page(20));
    const article = doc.querySelector('article') as Element;
    const cache = new ExtractionCache();
    expect(extractArticle(doc, { cache }).root).toBe(article);
    // A longer story appears beside it: a fresh choice takes it, but a change inside the
    // article since keeps the article chosen.
    const other = doc.createElement('main');
    for (let i = 0; i < 60; i++) {
      const p = doc.createElement('p');
      p.textContent = `Another story ${i}, much longer, with commas, clauses, and more words than the article has.`;
      other.append(p);
    }
    doc.body.append(other);
    const p = doc.createElement('p');
    p.textContent = 'A late paragraph in the article.';
    article.append(p);
    cache.markChildren(article, [p], []);
    expect(findMainContent(doc)).toBe(other);
    expect(extractArticle(doc, { cache }).root).toBe(article);
    // Once the change outside is reported, the choice is made again.
    cache.markChildren(doc.body, [other], []);
    expect(extractArticle(doc, { cache }).root).toBe(other);
    same(doc, cache);
    // A container taken out of the page is not kept either.
    other.remove();
    expect(extractArticle(doc, { cache }).root).toBe(article);
    // Nor after a single-page navigation (the address changed), even with no change outside.
    doc.body.append(other);
    expect(extractArticle(doc, { cache }).root).toBe(article);
    Object.defineProperty(doc, 'URL', { get: () => 'https://example.org/next-story', configurable: true });
    expect(extractArticle(doc, { cache }).root).toBe(other);
  });

  test('furniture flags taken from the last assembly equal those of a fresh read', () => {
    const lines = [
      'Inspectors found that the council had improved its help for families, the report said.',
      'Most read',
      'Council tax to rise',
      'Ofsted praises Essex',
      'Share this article',
      'Read more: Hospital parking charges to rise',
      'A shorter line',
      'Related stories',
      'Leaders must improve supervision.',
      'x'.repeat(350),
    ];
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const block = (): ExtractedBlock => ({
      text: lines[Math.floor(rnd() * lines.length)],
      element: null as unknown as Element,
      segments: [],
    });
    for (const teasers of [true, false]) {
      const memo: FurnitureMemo = { last: null };
      let blocks = Array.from({ length: 40 }, block);
      for (let step = 0; step < 200; step++) {
        const flags = furnitureFlagsOf(blocks, teasers, memo);
        expect(flags, `step ${step}`).toEqual(
          furnitureFlags(
            blocks.map((b) => b.text),
            teasers,
          ),
        );
        // Change the blocks from a random place on (the start stays the same objects).
        const at = Math.floor(rnd() * (blocks.length + 1));
        blocks = [
          ...blocks.slice(0, at),
          ...Array.from({ length: Math.floor(rnd() * 4) }, block),
          ...blocks.slice(at + Math.floor(rnd() * 3)),
        ];
      }
    }
  });
});
