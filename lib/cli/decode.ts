// Turns an input's bytes into text the way a browser opening the file would: a byte-order mark
// first, then (for HTML) the page's own <meta charset> or http-equiv Content-Type, and only then
// a look at the bytes: UTF-8 unless they read as Windows-1252, the usual legacy encoding of
// English pages. One stray byte in a UTF-8 page does not turn the whole page into Windows-1252.

export interface Decoded {
  text: string;
  /** The encoding used (a WHATWG name: "utf-8", "utf-16le", "windows-1252"…). */
  encoding: string;
  /** How it was chosen, for --explain. */
  how: string;
}

// Windows-1252's 0x80-0x9F (curly quotes, dashes, €…); Node's decoder treats the label as Latin-1.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Decodes Windows-1252, the usual legacy encoding of English web pages. */
export function decodeWindows1252(raw: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < raw.length; i += 8192) {
    const chunk = raw.subarray(i, i + 8192);
    parts.push(
      String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b))),
    );
  }
  return parts.join('');
}

/** Counts well-formed UTF-8 multi-byte sequences and the bytes that are not part of one. */
export function utf8Census(raw: Uint8Array): { multiByte: number; invalid: number } {
  let multiByte = 0;
  let invalid = 0;
  const n = raw.length;
  for (let i = 0; i < n; ) {
    const b = raw[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Expected length and the allowed range of the second byte (no overlongs, no surrogates).
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    }
    let ok = len > 0 && i + len <= n && raw[i + 1] >= lo && raw[i + 1] <= hi;
    for (let k = 2; ok && k < len; k++) ok = raw[i + k] >= 0x80 && raw[i + k] <= 0xbf;
    if (ok) {
      multiByte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multiByte, invalid };
}

/** A UTF-16 text without a byte-order mark: mostly Latin letters, so every other byte is 0. */
function sniffUtf16(raw: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(raw.length, 4096) & ~1;
  if (n < 8) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (raw[i] === 0) zeroEven++;
    if (raw[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.7 && zeroEven <= pairs * 0.05) return 'utf-16le';
  if (zeroEven >= pairs * 0.7 && zeroOdd <= pairs * 0.05) return 'utf-16be';
  return null;
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The charset an HTML page declares in its head (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(raw: Uint8Array): string | null {
  // Latin-1 maps bytes to characters one to one: enough to read ASCII markup.
  let head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.length, 65536)).toString('latin1');
  const body = head.search(/<body\b/i);
  if (body >= 0) head = head.slice(0, body);
  return META_CHARSET.exec(head)?.[1] ?? null;
}

function utf8(raw: Uint8Array): string {
  return new TextDecoder('utf-8').decode(raw);
}

/** Decodes one input; `html` says whether a <meta charset> may be looked for. */
export function decodeBytes(raw: Uint8Array, html: boolean): Decoded {
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf)
    return { text: utf8(raw.subarray(3)), encoding: 'utf-8', how: 'UTF-8 byte-order mark' };
  if (raw[0] === 0xff && raw[1] === 0xfe)
    return {
      text: new TextDecoder('utf-16le').decode(raw.subarray(2)),
      encoding: 'utf-16le',
      how: 'UTF-16LE byte-order mark',
    };
  if (raw[0] === 0xfe && raw[1] === 0xff)
    return {
      text: new TextDecoder('utf-16be').decode(raw.subarray(2)),
      encoding: 'utf-16be',
      how: 'UTF-16BE byte-order mark',
    };
  const utf16 = sniffUtf16(raw);
  if (utf16)
    return {
      text: new TextDecoder(utf16).decode(raw),
      encoding: utf16,
      how: 'no byte-order mark, but every other byte is 0 (UTF-16 text)',
    };
  if (raw.subarray(0, 8192).includes(0))
    throw new Error('input looks binary (it contains NUL bytes), not text or HTML');

  const label = html ? declaredCharset(raw) : null;
  if (label) {
    let encoding: string | null = null;
    try {
      encoding = new TextDecoder(label).encoding;
    } catch {
      // A label no decoder knows: read the bytes as if nothing were declared.
    }
    const how = `the page declares charset=${label}`;
    // A page read as bytes cannot be UTF-16 (no byte-order mark, no zero bytes): browsers read UTF-8.
    if (encoding === 'utf-8' || encoding?.startsWith('utf-16')) return { text: utf8(raw), encoding: 'utf-8', how };
    if (encoding === 'windows-1252') return { text: decodeWindows1252(raw), encoding, how };
    if (encoding) return { text: new TextDecoder(encoding).decode(raw), encoding, how };
  }

  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(raw),
      encoding: 'utf-8',
      how: 'no declared charset; the bytes are valid UTF-8',
    };
  } catch {
    const { multiByte, invalid } = utf8Census(raw);
    // Windows-1252 text has high bytes that are not UTF-8 and almost never forms a valid
    // UTF-8 sequence; a UTF-8 page with a few stray bytes has far more valid sequences.
    if (invalid >= 2 && invalid > multiByte)
      return {
        text: decodeWindows1252(raw),
        encoding: 'windows-1252',
        how: `no declared charset; ${invalid} bytes are not UTF-8 against ${multiByte} UTF-8 sequences`,
      };
    return {
      text: utf8(raw),
      encoding: 'utf-8',
      how: `no declared charset; read as UTF-8 with ${invalid} stray byte(s) replaced (${multiByte} UTF-8 sequences)`,
    };
  }
}
