import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyzeInput } from '../../lib/cli/analyze';
import { cliCommand } from './command';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'il-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const bundled = cliCommand();
function cli(args: string[], input?: string | Buffer, { viaTsx = false } = {}) {
  const [node, ...script] = viaTsx ? cliCommand({ viaTsx }) : bundled;
  const r = spawnSync(node, [...script, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run analyze (the contract command)', () => {
  test('--json prints one array, one result per input, in input order', () => {
    const a = 'tests/fixtures/seeds/003_7373dea24638aad1.txt';
    const b = 'tests/fixtures/pages/004_c2a22b1b94052d91.html';
    // Through tsx, as `npm run analyze` runs it (the other tests run the same source bundled).
    const r = cli(['--json', a, b], undefined, { viaTsx: true });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((x: { source: string }) => x.source)).toEqual([a, b]);
    expect(out[0]).toMatchObject({ isInspectionArticle: true, title: expect.stringContaining('outstanding') });
    expect(out[0].outcomes).toContainEqual({
      council: { code: 'E10000012', name: 'Essex' },
      grade: 'outstanding',
      current: true,
    });
    expect(out[1].councils.map((c: { code: string }) => c.code)).toEqual(['E09000022']);
  });

  test('an unreadable input gets its own error; the others are still analysed; exit 1', () => {
    const bin = path.join(tmp, 'image.txt');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    const r = cli(['--json', 'does/not/exist.txt', bin, 'tests/fixtures/seeds/000_5b46b54a3be1f299.txt']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out[0].error).toMatch(/cannot read does\/not\/exist.txt: no such file/);
    expect(out[1].error).toMatch(/binary/);
    expect(out[2].error).toBeUndefined();
    expect(out[2].isInspectionArticle).toBe(true);
    expect(r.stderr).toMatch(/no such file/);
  });

  test('reads HTML from standard input with -', () => {
    const html = fs.readFileSync(path.join(root, 'tests/fixtures/pages/000_5b46b54a3be1f299.html'), 'utf8');
    const r = cli(['--json', '-'], html);
    expect(r.status).toBe(0);
    const [res] = JSON.parse(r.stdout);
    expect(res.source).toBe('-');
    expect(res.councils.map((c: { name: string }) => c.name)).toEqual(['Hackney']);
    // The footer's "Colchester, Essex" address and the related-stories sidebar are not content.
    expect(res.grades.every((g: { sentence: string }) => !/Kent social workers/.test(g.sentence))).toBe(true);
  });

  test('--no-extract analyses the whole body, footer and sidebar included', () => {
    const f = 'tests/fixtures/pages/000_5b46b54a3be1f299.html';
    const whole = JSON.parse(cli(['--json', '--no-extract', f]).stdout)[0];
    const main = JSON.parse(cli(['--json', f]).stdout)[0];
    expect(whole.councils.map((c: { name: string }) => c.name)).toContain('Kent');
    expect(main.councils.map((c: { name: string }) => c.name)).not.toContain('Kent');
  });

  test('a WordPress-style page: cookie banner, related posts, widgets, comments and footer are not the article', () => {
    const r = cli(['--json', 'tests/fixtures/pages/wordpress-hull.html']);
    const [res] = JSON.parse(r.stdout);
    expect(res.title).toBe('Hull children’s services rated inadequate'.replace('’', "'"));
    expect(res.councils.map((c: { code: string }) => c.code)).toEqual(['E06000010']);
    expect(res.outcomes).toEqual([
      { council: { code: 'E06000010', name: 'Kingston upon Hull' }, grade: 'inadequate', current: true },
      {
        council: { code: 'E06000010', name: 'Kingston upon Hull' },
        grade: 'requires improvement',
        current: false,
        year: 2019,
      },
    ]);
    expect(res.improvementAreas).toHaveLength(2);
  });

  test('a .txt page copied from the web: its site furniture is not the article, as in the same page as HTML', () => {
    const paragraphs = [
      'Children’s services in Lambeth have been rated inadequate by Ofsted after an inspection in March.',
      'See more stories from across Birmingham and the Black Country here',
      'Inspectors said the council must improve the quality of social work practice and management oversight.',
      'Related stories',
      'Kent council praised by Ofsted for its work with care leavers',
      'Share this article on Facebook',
    ];
    const title = 'Lambeth children’s services rated inadequate by Ofsted';
    const txt = path.join(tmp, 'copied.txt');
    fs.writeFileSync(txt, `${title}\n\n${paragraphs.join('\n\n')}\n`);
    const html = path.join(tmp, 'copied.html');
    fs.writeFileSync(
      html,
      `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    );
    const names = (file: string, extract: boolean) =>
      analyzeInput(file, () => fs.readFileSync(file), { extract }).councils.map((c) => c.name);
    expect(names(txt, true)).toEqual(['Lambeth']);
    expect(names(txt, true)).toEqual(names(html, true));
    // --no-extract keeps the headlines under "Related stories" (as for a whole HTML body), not the
    // invitation to other stories.
    expect(names(txt, false)).toEqual(['Lambeth', 'Kent']);
  });

  test('the human report names outcomes and improvement areas', () => {
    const r = cli(['tests/fixtures/seeds/004_c2a22b1b94052d91.txt']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/inspection article: yes/);
    expect(r.stdout).toMatch(/Lambeth \[E09000022\]: requires improvement/);
    expect(r.stdout).toMatch(/improvement areas \(4\)/);
  });

  test('unknown options are refused with usage', () => {
    const r = cli(['--frobnicate', 'x.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});

describe('a page’s line breaks', () => {
  test('a list written with <br> under an introduction gives each line as an improvement area', () => {
    const html =
      '<html><head><title>Medway children’s services require improvement</title></head><body><article>' +
      '<h1>Medway children’s services require improvement</h1>' +
      '<p>Ofsted has judged Medway Council’s children’s services to require improvement to be good.</p>' +
      '<p>Ofsted said the council needs to improve:<br>• the timeliness of permanence planning<br>' +
      '• the quality and consistency of supervision</p><p>The council will now draw up an action plan.</p>' +
      '</article></body></html>';
    const r = analyzeInput('br.html', () => Buffer.from(html), { extract: true });
    expect(r.improvementAreas.map((i) => i.sentence)).toEqual([
      'the timeliness of permanence planning',
      'the quality and consistency of supervision',
    ]);
  });
});

describe('inputs that are not clean UTF-8 text', () => {
  test('Windows-1252 text is read, curly quotes and all', () => {
    const text =
      'Council rated \u2018inadequate\u2019\n\nOfsted rated Lambeth\u2019s children\u2019s services \u2018inadequate\u2019 overall.';
    const bytes = Buffer.from([...text].map((c) => ({ '\u2018': 0x91, '\u2019': 0x92 })[c] ?? c.charCodeAt(0)));
    const r = analyzeInput('old.txt', () => bytes, { extract: true });
    expect(r.error).toBeUndefined();
    expect(r.grades.map((g) => g.text)).toContain('\u2018inadequate\u2019');
  });

  test('a 50 MB input is analysed to its end, not refused', () => {
    // 50 MB of council-meeting prose between a grade at the top and an improvement area at the
    // very end (every paragraph a finding took 17 s of CPU to show the same; 3.7 s this way).
    const filler = 'The committee met on Tuesday and heard from residents about the new library opening hours.\n\n';
    const big = Buffer.from(
      `Big page\n\nOfsted rated Hackney children’s services good.\n\n${filler.repeat(
        Math.ceil((50 * 1024 * 1024) / filler.length),
      )}Inspectors said Hackney must improve the timeliness of assessments.\n`,
    );
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    const r = analyzeInput('big.txt', () => big, { extract: true });
    expect(r.error).toBeUndefined();
    expect(r.councils.map((c) => c.name)).toEqual(['Hackney']);
    expect(r.grades.map((g) => g.text)).toEqual(['good']);
    expect(r.improvementAreas.map((i) => i.sentence)).toEqual([
      'Inspectors said Hackney must improve the timeliness of assessments.',
    ]);
  }, 120_000);

  test('a directory is a clear error', () => {
    const r = analyzeInput(tmp, () => fs.readFileSync(tmp), { extract: true });
    expect(r.error).toMatch(/is a directory/);
  });
});
