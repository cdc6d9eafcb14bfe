#!/usr/bin/env node
// Builds realistic news pages in tests/fixtures/pages/ from the plain-text seed articles in
// tests/fixtures/seeds/ (copied from ../shared/seeds). Run once when seeds change; the output
// is committed so tests never read ../shared. Each page has a site header and navigation, the
// article (headings, standfirst, links and emphasis inside paragraphs, lists), a related-stories
// sidebar and a footer with a postal address, the clutter main-content extraction must skip.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const seedsDir = path.join(root, 'tests/fixtures/seeds');
const casesDir = path.join(root, 'tests/fixtures/cases');
const outDir = path.join(root, 'tests/fixtures/pages');

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Inline markup the way news sites add it: a link on "Ofsted", emphasis on the first quoted phrase. */
function inline(text) {
  let html = esc(text);
  html = html.replace(/\bOfsted\b/, '<a href="/tag/ofsted">Ofsted</a>');
  html = html.replace(/([‘“])([^’”<>]{2,60})([’”])/, '$1<em>$2</em>$3');
  return html;
}

function articleHtml(title, paras) {
  const out = [`<h1 class="headline">${esc(title)}</h1>`];
  let list = null;
  paras.forEach((p, i) => {
    if (/^- /.test(p)) {
      if (!list) {
        list = [];
      }
      list.push(`<li>${inline(p.replace(/^- /, ''))}</li>`);
      return;
    }
    if (list) {
      out.push(`<ul>${list.join('')}</ul>`);
      list = null;
    }
    if (/^Photo:/.test(p))
      out.push(`<figure><div class="img-placeholder"></div><figcaption>${esc(p)}</figcaption></figure>`);
    else if (i === 0 && p.length < 300) out.push(`<p class="standfirst"><strong>${inline(p)}</strong></p>`);
    else if (p.length < 50 && !/[.!?”"’]$/.test(p)) out.push(`<h2>${esc(p)}</h2>`);
    else out.push(`<p>${inline(p)}</p>`);
  });
  if (list) out.push(`<ul>${list.join('')}</ul>`);
  return out.join('\n      ');
}

export function page({ title, site, body, related }) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${esc(title)} | ${esc(site)}</title>
  <meta property="og:title" content="${esc(title)}">
  <meta property="og:site_name" content="${esc(site)}">
  <meta property="article:published_time" content="2024-03-14T09:00:00Z">
  <style>
    body { font: 17px/1.6 Georgia, serif; margin: 0; color: #222; }
    header.site { background: #0b2545; color: #fff; padding: 10px 24px; }
    header.site nav a { color: #fff; margin-right: 14px; }
    .wrap { display: flex; gap: 32px; max-width: 1100px; margin: 0 auto; padding: 24px; }
    article { flex: 1; } aside { width: 260px; font-size: 14px; }
    .img-placeholder { height: 120px; background: #ddd; }
    footer { background: #eee; padding: 16px 24px; font-size: 13px; }
  </style>
</head>
<body>
  <header class="site">
    <a class="logo" href="/">${esc(site)}</a>
    <nav aria-label="Main"><a href="/news">News</a><a href="/social-work">Social work</a><a href="/inspections">Inspections</a><a href="/jobs">Jobs</a><a href="/events">Events</a></nav>
  </header>
  <div class="wrap">
    <article>
      <p class="byline">By <a href="/author/staff">Staff reporter</a> · <time datetime="2024-03-14">14 March 2024</time></p>
      ${body}
      <div class="share">Share this: <a href="#">Email</a> <a href="#">LinkedIn</a></div>
    </article>
    <aside class="related">
      <h3>Related stories</h3>
      <ul>${related.map((r) => `<li><a href="/news/${encodeURIComponent(r.slice(0, 20))}">${esc(r)}</a></li>`).join('')}</ul>
      <div class="newsletter">Sign up to our newsletter for the latest children's services news.</div>
    </aside>
  </div>
  <footer>
    <p>${esc(site)} Ltd, 1 Example Street, Colchester, Essex CO4 3ZL. Registered in England and Wales.</p>
    <p><a href="/privacy">Privacy</a> · <a href="/cookies">Cookies</a> · <a href="/contact">Contact us</a></p>
  </footer>
</body>
</html>
`;
}

const related = [
  'Kent social workers praised for outstanding work with care leavers',
  'Councils rated inadequate by Ofsted face DfE intervention',
  'Birmingham Children’s Trust recruits 40 new social workers',
];

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const dir of [seedsDir, casesDir])
    for (const f of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const [titleLine, ...rest] = text.split('\n');
      const paras = rest
        .join('\n')
        .split(/\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      const html = page({
        title: titleLine.trim(),
        site: 'Children’s Services News',
        body: articleHtml(titleLine.trim(), paras),
        related,
      });
      fs.writeFileSync(path.join(outDir, f.replace(/\.txt$/, '.html')), html);
    }
  console.log('fixture pages written to', path.relative(root, outDir));
}
