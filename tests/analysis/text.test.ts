import { describe, expect, test } from 'vitest';
import { documentFromPlainText, prepareText, splitSentences } from '../../lib/analysis/text';

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
