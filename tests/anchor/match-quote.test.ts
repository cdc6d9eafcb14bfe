import { describe, expect, test } from 'vitest';
import { describeQuote, matchQuote } from '../../lib/anchor/match-quote';

const original =
  'Inspectors found that caseloads were too high. However, in a small minority of instances social workers should have escalated cases quicker due to parental non-engagement, they added. The council said it would act.';
const quoteText = 'social workers should have escalated cases quicker due to parental non-engagement';
const start = original.indexOf(quoteText);
const [quote, position] = describeQuote(original, start, start + quoteText.length);

const found = (text: string) => {
  const m = matchQuote(text, quote, position);
  return m ? { text: text.slice(m.start, m.end), how: m.how } : null;
};

describe('re-finding a saved quote', () => {
  test('unchanged text: the saved position', () => {
    expect(found(original)).toEqual({ text: quoteText, how: 'position' });
  });

  test('a sentence inserted before it: found by its text', () => {
    const edited = `A new opening sentence was added by the editor. ${original}`;
    expect(found(edited)).toEqual({ text: quoteText, how: 'exact' });
  });

  test('of two identical passages, the one with the same context wins', () => {
    const twice = `${original} Elsewhere, social workers should have escalated cases quicker due to parental non-engagement in one team.`;
    const m = matchQuote(`Intro. ${twice}`, quote, position);
    expect(m?.start).toBe(original.indexOf(quoteText) + 'Intro. '.length);
  });

  test('changed quotation marks, dashes and punctuation', () => {
    const q = 'the ‘front door’ – the first contact – is “strong”';
    const text = `Ofsted said ${q}, and praised staff.`;
    const s = text.indexOf(q);
    const [tq, tp] = describeQuote(text, s, s + q.length);
    const edited = 'Ofsted said the \'front door\' - the first contact - is "strong", and praised staff.';
    const m = matchQuote(edited, tq, tp);
    expect(m?.how).toBe('normalised');
    expect(edited.slice(m?.start, m?.end)).toBe('the \'front door\' - the first contact - is "strong"');
  });

  test('a typo fixed and a word changed: still found, approximately', () => {
    const edited = original
      .replace('escalated cases quicker', 'escalated cases more quickly')
      .replace('parental', 'parents’');
    const m = found(edited);
    expect(m?.how).toBe('fuzzy');
    expect(m?.text).toMatch(/^social workers should have escalated cases more quickly due to parents’ non-engagement/);
  });

  test('the passage removed: not found', () => {
    const edited = original.replace(/However, [^.]*\./, 'The report was published on Tuesday.');
    expect(found(edited)).toBeNull();
  });

  test('completely different text: not found, and quickly', () => {
    const other = 'Lorem ipsum dolor sit amet. '.repeat(20_000);
    const t0 = performance.now();
    expect(found(other)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
