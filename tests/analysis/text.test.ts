import { describe, expect, test } from 'vitest';
import { documentFromPlainText, isSpace, prepareText, splitSentences } from '../../lib/analysis/text';

const split = (s: string) => splitSentences(s).map((x) => s.slice(x.start, x.end));

describe('sentence splitting for news text', () => {
  test.each([
    ['One sentence. Another one.', ['One sentence.', 'Another one.']],
    ['Cllr Smith spoke. Dr Jones agreed.', ['Cllr Smith spoke.', 'Dr Jones agreed.']],
    ['He met Cllr. Smith at St. Mary’s. Then he left.', ['He met Cllr. Smith at St. Mary’s.', 'Then he left.']],
    ['“It is good,” she said. “We are pleased.”', ['“It is good,” she said.', '“We are pleased.”']],
    [
      'They added: “Areas are not understood. Planning is weak.” The end.',
      ['They added: “Areas are not understood.', 'Planning is weak.”', 'The end.'],
    ],
    ['Caseloads fell to 15.5 in 2023. Good.', ['Caseloads fell to 15.5 in 2023.', 'Good.']],
    [
      '‘most children’s assessments… are comprehensive’, they said.',
      ['‘most children’s assessments… are comprehensive’, they said.'],
    ],
    ['Is it? Yes! It is.', ['Is it?', 'Yes!', 'It is.']],
    ['J. K. Smith wrote it. Then stopped.', ['J. K. Smith wrote it.', 'Then stopped.']],
    ['- First item.\n- Second item', ['First item.', 'Second item']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  test('offsets point into the flattened text', () => {
    const p = prepareText(documentFromPlainText('Title here\n\nFirst para. Second sentence.\n\nThird para.'));
    expect(p.sentences.map((s) => p.text.slice(s.start, s.end))).toEqual([
      'Title here',
      'First para.',
      'Second sentence.',
      'Third para.',
    ]);
    expect(p.sentences.map((s) => s.block)).toEqual([0, 1, 1, 2]);
  });
});

test("isSpace (the splitter's white space) is exactly what \\s matches, for every UTF-16 code unit", () => {
  const differ: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
  expect(differ).toEqual([]);
});

test('sentences split at every kind of white space, quote and bracket the splitter reads', () => {
  const spaces = ['\t', '\u00a0', '\u2009', '\u3000', '\u202f'];
  for (const sp of spaces)
    expect(splitSentences(`Hackney was rated good.${sp}Essex was rated ‘outstanding’.`).length).toBe(2);
  expect(splitSentences('He said “it was good.” (Then) “Essex was rated good.”').length).toBe(2);
  expect(splitSentences('It was good… Then Essex improved?! «Yes» the report said.').length).toBe(3);
  expect(splitSentences('It was rated good. then the council said no.').length).toBe(1);
});

test('an initial or an abbreviation (with its own full stop) does not end a sentence; a lower-case letter does', () => {
  expect(splitSentences('The report by J. Smith was published. It said Essex was good.').length).toBe(2);
  expect(splitSentences('Leaders, e.g. Smith, agreed. Then they left.').length).toBe(2);
  expect(splitSentences('See the data (fig. 2) here. Then read on.').length).toBe(2);
  expect(splitSentences('It scored a. Then it scored b.').length).toBe(2);
  expect(splitSentences('Ofsted visited in Jan. 2024 and in Feb. Then it left.').length).toBe(1);
});

test('a block of several lines splits at each stop in each line, whichever stop comes first', () => {
  // Lines split apart (each ends a sentence), with stops of every kind in each and none in some.
  const block = 'Is it good? Yes! It is… Now. Go\nNo stops here\nOne. Two? Three!\nWhat… Then? Done.\nLast! Line';
  expect(split(block)).toEqual([
    'Is it good?',
    'Yes!',
    'It is…',
    'Now.',
    'Go',
    'No stops here',
    'One.',
    'Two?',
    'Three!',
    'What…',
    'Then?',
    'Done.',
    'Last!',
    'Line',
  ]);
  // The same block again (the split's state is per block), and a one-line block after it.
  expect(split(block)).toHaveLength(14);
  expect(split('Short? Yes. It ends here')).toEqual(['Short?', 'Yes.', 'It ends here']);
});
