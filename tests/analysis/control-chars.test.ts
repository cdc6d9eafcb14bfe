import { describe, expect, it } from 'vitest';
import { analyzeDocument, hasControl } from '../../lib/analysis/analyze';

// The pattern sanitising replaces with a space (kept here as the reference hasControl must agree with).
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

describe('hasControl', () => {
  it('finds exactly the characters the sanitiser replaces, for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `Ofsted rated ${ch} good`]) if (hasControl(text) !== CONTROLS.test(text)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves tabs and line breaks, replaces a control character in a block with a space', () => {
    expect(hasControl('a\tb\nc\r\nd')).toBe(false);
    const a = analyzeDocument({ title: 'Ofsted', blocks: ['Essex County Council\u0007 was rated ‘good’ by Ofsted.'] });
    expect(a.prepared.text).toContain('Essex County Council  was rated');
    expect(a.prepared.text).not.toContain('\u0007');
  });
});
