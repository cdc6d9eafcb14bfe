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

/** Saves `q` where it stands in `text` (at `at`, else its first place), then finds it again in `edited`. */
function refind(text: string, q: string, edited: string, at = text.indexOf(q)) {
  const [tq, tp] = describeQuote(text, at, at + q.length);
  const m = matchQuote(edited, tq, tp);
  return m ? { start: m.start, text: edited.slice(m.start, m.end), how: m.how } : null;
}

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
    const edited = 'Ofsted said the \'front door\' - the first contact - is "strong", and praised staff.';
    const m = refind(text, q, edited);
    expect(m?.how).toBe('normalised');
    expect(m?.text).toBe('the \'front door\' - the first contact - is "strong"');
  });

  test('a typo fixed and a word changed: still found, approximately', () => {
    const edited = original
      .replace('escalated cases quicker', 'escalated cases more quickly')
      .replace('parental', 'parents’');
    const m = found(edited);
    expect(m?.how).toBe('fuzzy');
    expect(m?.text).toMatch(/^social workers should have escalated cases more quickly due to parents’ non-engagement/);
  });

  test('a quote that opens with a quotation mark keeps it when edited words are found approximately', () => {
    const text = 'The report was clear. “Care planning is weak in most teams and plans drift,” inspectors said.';
    const q = '“Care planning is weak in most teams and plans drift,”';
    const m = refind(text, q, text.replace('in most teams', 'in many teams'));
    expect(m?.how).toBe('fuzzy');
    expect(m?.text).toBe('“Care planning is weak in many teams and plans drift,”');
  });

  test('a quote that ends with an ellipsis keeps it when found approximately', () => {
    const text = 'He said: Not all social workers are good at working out the risk of dangers … and more.';
    const q = 'Not all social workers are good at working out the risk of dangers …';
    const m = refind(text, q, text.replace('working out', 'judging'));
    expect(m?.text).toBe('Not all social workers are good at judging the risk of dangers …');
  });

  test('a passage printed twice, the clipped copy edited: the copy in the saved context wins over the other, exact', () => {
    const caption = "Blackpool's children's services have been rated 'inadequate' for the second time in six years.";
    const text = `Headline here\n\n${caption} Pictured: the council leader.\n\nBy a reporter\n\n${caption} Pictured: the council leader.\n\nThe council said it would act.`;
    const second = text.lastIndexOf(caption);
    const edited = `Update: a correction was added.\n\n${text.slice(0, second)}${caption.replace('for the second', 'for a second')}${text.slice(second + caption.length)}`;
    const m = refind(text, caption, edited, second);
    expect(m?.start).toBe(edited.lastIndexOf("Blackpool's"));
    expect(m?.text).toBe(caption.replace('for the second', 'for a second'));
  });

  test('of two passages equally close to an edited quote, the one nearest where it was', () => {
    const a = 'Inspection judgements about the local authority';
    const b = 'Inspection judgement about the LSCB';
    const text = `Contents\n\n${a}\n\n12\n\nSummary\n\n37\n\n${b}\n\n38`;
    const m = refind(text, b, `Update: amended.\n\n${text.replace(b, 'Inspection judgement about its LSCB')}`);
    expect(m?.text).toBe('Inspection judgement about its LSCB');
  });

  test('a long quote whose first words also open another passage: found where its last words are', () => {
    const q =
      'The report from the inspection, in the form of an ungraded letter has been published and is available here - https://files.ofsted.gov.uk/v1/file/50252825';
    const other = 'The report from the inspection, in the form of an ungraded letter was published on 18 July 2024.';
    const text = `Minutes.\n\n${q}\n\nNote: the meeting closed.\n\nA summary: ${other}`;
    const edited = text.replace(
      'from the inspection, in the form of an ungraded letter has',
      'from its inspection, in the form of an ungraded letter has',
    );
    const m = refind(text, q, edited);
    expect(m?.how).toBe('fuzzy');
    expect(m?.text).toBe(q.replace('from the', 'from its'));
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
