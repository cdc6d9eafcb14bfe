// The command line on inputs that are hostile or merely unusual: endless or huge inputs,
// encodings other than clean UTF-8, absurd nesting, terminal control characters in a page.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyzeInput } from '../../lib/cli/analyze';
import { cliCommand } from './command';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-cli-hard-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs the command line (through a shell when `shell` is set, for pipes). */
const bundled = cliCommand();
function cli(args: string[], opts: { input?: string | Buffer; shell?: string } = {}) {
  const command = [...bundled, ...args];
  const r = opts.shell
    ? spawnSync('sh', ['-c', `${opts.shell} | ${command.map((a) => `'${a}'`).join(' ')}`], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      })
    : spawnSync(command[0], command.slice(1), {
        cwd: root,
        input: opts.input,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, bytes: Buffer | string) {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, bytes);
  return f;
}

/** A small inspection news page; `q` opens and closes the quoted grade. */
function page(opts: { head?: string; quote?: [string, string]; extra?: string } = {}) {
  const [o, c] = opts.quote ?? ['\u2018', '\u2019'];
  return `<!doctype html><html><head>${opts.head ?? ''}<title>Lambeth children\u2019s services rated ${o}inadequate${c}</title></head>
<body><article><h1>Lambeth children\u2019s services rated ${o}inadequate${c}</h1>
<p>Ofsted inspectors rated Lambeth council\u2019s children\u2019s services ${o}inadequate${c} after a full inspection in March.${opts.extra ?? ''}</p>
<p>The council was previously rated ${o}good${c} in 2019, the inspection report said.</p>
<p>Inspectors said managers must improve the quality of assessments for children in need.</p>
</article></body></html>`;
}

const gradeTexts = (r: { grades: { text: string }[] }) => r.grades.map((g) => g.text);

describe('inputs that never end or are too large', () => {
  test('/dev/zero is refused at the size limit, promptly, not read on and on', () => {
    const r = cli(['--json', '/dev/zero', 'tests/fixtures/seeds/000_5b46b54a3be1f299.txt']);
    expect(r.status).toBe(1); // not killed by the time-out (status would be null)
    const out = JSON.parse(r.stdout);
    expect(out[0].error).toMatch(/cannot read \/dev\/zero: .*past the limit of 67,108,864 bytes \(64 MiB\)/);
    expect(out[1].error).toBeUndefined();
    expect(out[1].isInspectionArticle).toBe(true);
  });

  test('an endless standard input is refused at the size limit', () => {
    const r = cli(['--json', '-'], { shell: "yes '<p>Hackney was rated good by Ofsted.</p>'" });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0].error).toMatch(/cannot read standard input: .*past the limit/);
    expect(r.stderr).toMatch(/past the limit/);
  });

  test('a file over the limit is refused from its size, before it is read', () => {
    const f = path.join(tmp, 'huge.html');
    fs.writeFileSync(f, '');
    fs.truncateSync(f, 65 * 1024 * 1024); // sparse: nothing is written
    const r = cli(['--json', f]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0].error).toMatch(/it is 68,157,440 bytes, over the limit of 67,108,864 bytes/);
  });
});

describe('encodings', () => {
  test('a UTF-8 page with one stray byte is still read as UTF-8, grades and all', () => {
    const clean = Buffer.from(page());
    const stray = Buffer.from(page({ extra: ' The council\x00' }).replace('\x00', '')); // same text
    const withStray = Buffer.concat([stray.subarray(0, 400), Buffer.from([0xa0]), stray.subarray(400)]);
    const want = analyzeInput('clean.html', () => clean, { extract: true });
    expect(gradeTexts(want)).toEqual(['\u2018inadequate\u2019', '\u2018inadequate\u2019', '\u2018good\u2019']);
    const r = cli(['--json', write('stray.html', withStray)]);
    expect(r.status).toBe(0);
    const [res] = JSON.parse(r.stdout);
    expect(res.title).toBe('Lambeth children\u2019s services rated \u2018inadequate\u2019');
    expect(gradeTexts(res)).toEqual(gradeTexts(want));
    expect(res.outcomes).toEqual(want.outcomes);
  });

  test('a page that really is Windows-1252 (many high bytes, no UTF-8 sequence) is read as Windows-1252', () => {
    const text = page();
    const bytes = Buffer.from([...text].map((ch) => ({ '\u2018': 0x91, '\u2019': 0x92 })[ch] ?? ch.charCodeAt(0)));
    const res = analyzeInput('old.html', () => bytes, { extract: true });
    expect(res.error).toBeUndefined();
    expect(res.title).toBe('Lambeth children\u2019s services rated \u2018inadequate\u2019');
    expect(gradeTexts(res)).toContain('\u2018good\u2019');
  });

  test.each([
    ['<meta charset>', '<meta charset="windows-1252">'],
    ['http-equiv Content-Type', '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'],
  ])('a page declaring Windows-1252 in its %s is read as such, even with a single high byte', (_label, head) => {
    // One curly apostrophe in Windows-1252: without the declaration it would be a stray byte.
    const text = `<html><head>${head}<title>Lambeth rated 'inadequate'</title></head><body><article>
<h1>Lambeth rated 'inadequate'</h1><p>Ofsted rated Lambeth council\u2019s services 'inadequate' after an inspection.</p>
</article></body></html>`;
    const bytes = Buffer.from([...text].map((ch) => (ch === '\u2019' ? 0x92 : ch.charCodeAt(0))));
    const res = analyzeInput('declared.html', () => bytes, { extract: true });
    expect(res.grades.map((g) => g.sentence)).toContain(
      "Ofsted rated Lambeth council\u2019s services 'inadequate' after an inspection.",
    );
    const undeclared = analyzeInput(
      'plain.html',
      () => Buffer.from(bytes.toString('latin1').replace(head, ''), 'latin1'),
      {
        extract: true,
      },
    );
    expect(undeclared.grades.map((g) => g.sentence).join(' ')).not.toContain('\u2019'); // one stray byte: UTF-8, the byte replaced
  });

  test('a page declaring UTF-8 keeps UTF-8 even when a stray byte would otherwise tip it', () => {
    const text = Buffer.from(page({ head: '<meta charset="utf-8">', quote: ["'", "'"] }));
    const bytes = Buffer.concat([text, Buffer.from([0x92, 0x93, 0x94])]);
    const res = analyzeInput('declared.html', () => bytes, { extract: true });
    expect(res.title).toBe("Lambeth children\u2019s services rated 'inadequate'");
  });

  test.each([
    [
      'UTF-16LE with a byte-order mark',
      (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]),
    ],
    [
      'UTF-16BE with a byte-order mark',
      (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]),
    ],
    ['UTF-16LE without a byte-order mark', (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-16BE without a byte-order mark', (s: string) => Buffer.from(s, 'utf16le').swap16()],
    ['UTF-8 with a byte-order mark', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])],
  ])('%s is read, not called binary', (_label, encode) => {
    const f = write('utf16.html', encode(page()));
    const r = cli(['--json', f]);
    expect(r.status).toBe(0);
    const [res] = JSON.parse(r.stdout);
    expect(res.error).toBeUndefined();
    expect(res.title).toBe('Lambeth children\u2019s services rated \u2018inadequate\u2019');
    expect(gradeTexts(res)).toContain('\u2018good\u2019');
  });
});

describe('absurdly deep nesting', () => {
  const nested = (depth: number, tag = 'div') =>
    `<html><head><title>Deep page</title></head><body>${`<${tag}>`.repeat(depth)}<p>Ofsted rated Hackney council\u2019s children\u2019s services \u2018inadequate\u2019.</p>${`</${tag}>`.repeat(depth)}<p>Hackney must improve its assessments, inspectors said.</p></body></html>`;

  test('400,000 nested elements are read, with a warning on stderr, and the text kept', () => {
    const f = write('deep.html', nested(400_000));
    const r = cli(['--json', f]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: .*deep\.html: elements nested 400,00\d deep; .* past depth 512 were dropped/);
    const [res] = JSON.parse(r.stdout);
    expect(gradeTexts(res)).toEqual(['\u2018inadequate\u2019']);
    expect(res.councils.map((c: { name: string }) => c.name)).toEqual(['Hackney']);
  });

  test('a page nested within the cap gets no warning and the same result as before', () => {
    const warnings: string[] = [];
    const res = analyzeInput('ok.html', () => Buffer.from(nested(300, 'span')), {
      extract: true,
      warn: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([]);
    expect(gradeTexts(res)).toEqual(['\u2018inadequate\u2019']);
  });
});

describe('the text report on a terminal', () => {
  const hostile =
    'Essex \x1b]0;pwned\x07rated \x1b[31m\u2018outstanding\u2019\x1b[0m\x9b2J\u202e\n\nOfsted rated Essex County Council\u2019s children\u2019s services \u2018outstanding\u2019.\x1b[2J\x1bc';

  test('control characters and escape sequences from the page never reach the terminal', () => {
    const f = write('esc.txt', hostile);
    for (const args of [[f], ['--explain', f]]) {
      const r = cli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/title: Essex .*rated .*\u2018outstanding\u2019/);
      expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    }
  });

  test('--json keeps the title as data, escaped (no raw control byte in the output)', () => {
    const r = cli(['--json', write('esc.txt', hostile)]);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(JSON.parse(r.stdout)[0].title).toContain('\u2018outstanding\u2019');
  });
});

describe('a page with no markup', () => {
  test('bare text named .html is read as a page body, not refused', () => {
    const res = analyzeInput(
      'notes.html',
      () => Buffer.from('Ofsted rated Hackney council ‘inadequate’ < 2 weeks ago.'),
      {
        extract: true,
      },
    );
    expect(res.error).toBeUndefined();
    expect(gradeTexts(res)).toEqual(['‘inadequate’']);
  });
});
