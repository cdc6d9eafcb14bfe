// How the command line chooses an input's encoding, one row per kind of input.
import { describe, expect, test } from 'vitest';
import { declaredCharset, decodeBytes, utf8Census } from '../../lib/cli/decode';

const b = (...xs: number[]) => Buffer.from(xs);
const ascii = (s: string) => Buffer.from(s, 'latin1');

describe('utf8Census: well-formed UTF-8 sequences against bytes that are not UTF-8', () => {
  test.each([
    ['plain ASCII', ascii('Hackney rated good'), 0, 0],
    ['a curly quote (3 bytes) and an é (2 bytes)', Buffer.from('‘é’'), 3, 0],
    ['an emoji (4 bytes)', Buffer.from('😀'), 1, 0],
    ['a lone continuation byte', b(0x41, 0x92, 0x41), 0, 1],
    ['an overlong encoding of "/"', b(0xc0, 0xaf), 0, 2],
    ['an encoded surrogate', b(0xed, 0xa0, 0x80), 0, 3],
    ['a sequence cut off at the end', b(0xe2, 0x80), 0, 2],
    ['past U+10FFFF', b(0xf4, 0x90, 0x80, 0x80), 0, 4],
    ['Windows-1252 "café’s"', b(0x63, 0x61, 0x66, 0xe9, 0x92, 0x73), 0, 2],
  ])('%s', (_label, bytes, multiByte, invalid) => {
    expect(utf8Census(bytes)).toEqual({ multiByte, invalid });
  });
});

describe('declaredCharset', () => {
  test.each([
    ['<meta charset="windows-1252">', 'windows-1252'],
    ["<META CHARSET='ISO-8859-1'>", 'ISO-8859-1'],
    ['<meta charset=utf-8>', 'utf-8'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', 'Shift_JIS'],
    ['<meta name="description" content="no charset here">', null],
  ])('%s', (meta, want) => {
    expect(declaredCharset(ascii(`<html><head>${meta}</head><body></body></html>`))).toBe(want);
  });

  test('a <meta charset> in the body is not the page’s declaration', () => {
    expect(declaredCharset(ascii('<html><head></head><body><meta charset="koi8-r"></body>'))).toBeNull();
  });
});

describe('decodeBytes', () => {
  const curly = Buffer.from('Rated ‘good’. ');
  test.each([
    ['valid UTF-8', curly, false, 'utf-8', 'Rated ‘good’. '],
    ['UTF-8 with one stray byte', Buffer.concat([curly, b(0xff)]), false, 'utf-8', 'Rated ‘good’. \ufffd'],
    ['ASCII with one stray byte', b(0x61, 0x92, 0x62), false, 'utf-8', 'a\ufffdb'],
    ['Windows-1252 with two curly quotes', b(0x91, 0x67, 0x6f, 0x6f, 0x64, 0x92), false, 'windows-1252', '‘good’'],
    ['a UTF-8 byte-order mark', b(0xef, 0xbb, 0xbf, 0x61), false, 'utf-8', 'a'],
    ['a UTF-16LE byte-order mark', b(0xff, 0xfe, 0x61, 0x00, 0x19, 0x20), false, 'utf-16le', 'a’'],
    ['a UTF-16BE byte-order mark', b(0xfe, 0xff, 0x00, 0x61, 0x20, 0x19), false, 'utf-16be', 'a’'],
    ['UTF-16LE without a mark', Buffer.from('Hackney rated good', 'utf16le'), false, 'utf-16le', 'Hackney rated good'],
    [
      'HTML declaring Windows-1252',
      ascii('<meta charset="cp1252">\x92'),
      true,
      'windows-1252',
      '<meta charset="cp1252">’',
    ],
    [
      'HTML declaring UTF-16 (read as UTF-8, as browsers do)',
      ascii('<meta charset="utf-16">é'),
      true,
      'utf-8',
      '<meta charset="utf-16">\ufffd',
    ],
    [
      'HTML declaring an unknown charset: the bytes decide',
      ascii('<meta charset="nonsense">\x91a\x92'),
      true,
      'windows-1252',
      '<meta charset="nonsense">‘a’',
    ],
    [
      'a text file is not searched for a <meta charset>',
      ascii('<meta charset="cp1252">\x92'),
      false,
      'utf-8',
      '<meta charset="cp1252">\ufffd',
    ],
  ])('%s', (_label, bytes, html, encoding, text) => {
    const d = decodeBytes(bytes, html);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(text);
  });

  test('NUL bytes in a file that is not UTF-16 are refused as binary', () => {
    expect(() => decodeBytes(b(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52), false)).toThrow(
      /binary/,
    );
  });
});
