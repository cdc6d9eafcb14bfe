// @vitest-environment happy-dom
// Seeded fuzzing of clip re-finding: random edits of a text and of a page, never an error, the
// quote still found after small edits, and time linear in the page's length (long quotes too).
import { describe, expect, test } from 'vitest';
import { describeQuote, matchQuote } from '../../lib/anchor/match-quote';
import { anchorClips, pageText } from '../../lib/page/clip-anchoring';
import { buildClip } from '../../lib/page/clipper';
import { mulberry32 } from '../support/fuzz';

const WORDS =
  'the council children social workers inspectors found caseloads were too high and managers oversight of plans was weak in some teams Ofsted rated services good inadequate requires improvement'.split(
    ' ',
  );

function prose(rnd: () => number, n: number): string {
  const out: string[] = [];
  let len = 0;
  while (len < n) {
    const w = WORDS[Math.floor(rnd() * WORDS.length)] + (rnd() < 0.08 ? '.' : rnd() < 0.05 ? ',' : '');
    out.push(w);
    len += w.length + 1;
  }
  return out.join(' ').slice(0, n);
}

/** `k` random single-character edits (delete, insert, replace) of `s`. */
function edit(rnd: () => number, s: string, k: number): string {
  let t = s;
  for (let i = 0; i < k; i++) {
    const at = Math.floor(rnd() * t.length);
    const r = rnd();
    t =
      r < 0.33
        ? t.slice(0, at) + t.slice(at + 1)
        : r < 0.66
          ? `${t.slice(0, at)}z${t.slice(at)}`
          : `${t.slice(0, at)}q${t.slice(at + 1)}`;
  }
  return t;
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / Math.max(a.end - a.start, b.end - b.start);

describe('re-finding quotes after random edits (seeded)', () => {
  test('small edits inside and around quotes of 20 to 5,000 characters: found where they are', () => {
    const rnd = mulberry32(99);
    let found = 0;
    const cases = 150;
    for (let i = 0; i < cases; i++) {
      const text = prose(rnd, 2000 + Math.floor(rnd() * 20_000));
      const qLen = 20 + Math.floor(rnd() * Math.min(5000, text.length / 2));
      const start = Math.floor(rnd() * (text.length - qLen));
      const [quote, pos] = describeQuote(text, start, start + qLen);
      // Edits inside the quote (at most 1 per 100 characters), and a sentence added before it.
      const inside = edit(rnd, text.slice(start, start + qLen), Math.max(1, Math.floor(qLen / 100)));
      const added = rnd() < 0.5 ? 'A sentence was added here by an editor. ' : '';
      const edited = added + text.slice(0, start) + inside + text.slice(start + qLen);
      const truth = { start: added.length + start, end: added.length + start + inside.length };
      const m = matchQuote(edited, quote, pos);
      if (m && overlap(m, truth) > 0.8) found++;
      if (m) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(edited.length);
        expect(m.end).toBeGreaterThan(m.start);
      }
    }
    expect(found / cases).toBeGreaterThan(0.95);
  });

  test('heavy random damage: never an error, and any match lies within the text', () => {
    const rnd = mulberry32(7);
    for (let i = 0; i < 300; i++) {
      const text = prose(rnd, 500 + Math.floor(rnd() * 5000));
      const start = Math.floor(rnd() * (text.length - 10));
      const end = Math.min(text.length, start + 1 + Math.floor(rnd() * 400));
      const [quote, pos] = describeQuote(text, start, end);
      const edited = edit(rnd, text, Math.floor(rnd() * text.length * 0.3));
      const hostilePos = rnd() < 0.3 ? { ...pos, start: -5, end: 1e12 } : pos;
      const m = matchQuote(edited, quote, hostilePos);
      if (m) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(edited.length);
      }
    }
  });

  test('time is linear in the page length, for short and long quotes alike', () => {
    const rnd = mulberry32(3);
    const timeFor = (n: number, qLen: number) => {
      const text = prose(rnd, n);
      const start = Math.floor(n / 2);
      const [quote, pos] = describeQuote(text, start, start + qLen);
      const edited =
        text.slice(0, start) +
        edit(rnd, text.slice(start, start + qLen), Math.max(1, qLen / 100)) +
        text.slice(start + qLen);
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        matchQuote(`${edited} `, quote, pos); // a new string each time: no cached normalisation
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    for (const qLen of [200, 5_000, 50_000]) {
      const small = timeFor(100_000, qLen);
      const large = timeFor(800_000, qLen);
      // 8x the text: well under 8x squared; allow noise from a shared machine.
      expect(large).toBeLessThan(Math.max(small, 5) * 24);
      // A long quote with edits once took minutes (its alignment was cubic in its length).
      expect(large).toBeLessThan(5000);
    }
  });
});

describe('re-finding clips on a page after random edits (seeded)', () => {
  test('paragraphs edited, inserted and removed: no error, unedited clips found with their text', () => {
    const rnd = mulberry32(2024);
    for (let round = 0; round < 15; round++) {
      const paras = Array.from({ length: 12 }, () => prose(rnd, 200 + Math.floor(rnd() * 600)));
      const html = (ps: string[]) =>
        `<html><head><title>Inspection report</title></head><body><article><h1>Inspection report</h1>${ps.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
      document.documentElement.innerHTML = html(paras).replace(/^<html>|<\/html>$/g, '');
      const page = pageText(document, 'article');
      const clips = Array.from({ length: 6 }, () => {
        const p = Math.floor(rnd() * paras.length);
        const at = page.text.indexOf(paras[p]);
        const from = at + Math.floor(rnd() * (paras[p].length / 2));
        const to = Math.min(at + paras[p].length, from + 20 + Math.floor(rnd() * 200));
        return {
          clip: buildClip('https://news.example/a', page.text, { start: from, end: to }, 'article', 'selection'),
          p,
        };
      });
      // Edit the page: change some paragraphs, insert new ones, remove one no clip is in.
      const touched = new Set<number>();
      const next = paras.map((p, i) => {
        if (rnd() < 0.3) {
          touched.add(i);
          return edit(rnd, p, 2);
        }
        return p;
      });
      next.splice(Math.floor(rnd() * next.length), 0, prose(rnd, 300));
      document.documentElement.innerHTML = html(next).replace(/^<html>|<\/html>$/g, '');
      const results = anchorClips(
        document,
        clips.map((c) => c.clip),
      );
      results.forEach((r, i) => {
        if (!touched.has(clips[i].p)) expect(r.range?.toString()).toBe(clips[i].clip.quote);
      });
    }
  });
});
