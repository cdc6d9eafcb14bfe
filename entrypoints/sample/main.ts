// The bundled sample article as an extension page, so the welcome page's "Try it" link works
// offline: the same page `npm start` serves (tests/fixtures/pages/003_…), with the content script
// run on it as on a news site (a content script does not run on the extension's own pages).
import sampleHtml from '../../tests/fixtures/pages/003_7373dea24638aad1.html?raw';
import contentScript from '../content/index';
import contentEngine from '../content-engine';
import contentReader from '../content-reader';

const parsed = new DOMParser().parseFromString(sampleHtml, 'text/html');
// Only the article's own markup and styles: no scripts, frames or forms (it has none today).
for (const el of parsed.querySelectorAll('script, iframe, object, embed, form, link')) el.remove();
document.title = parsed.title;
for (const el of parsed.head.querySelectorAll('meta[property], meta[name], style'))
  document.head.append(document.importNode(el, true));
document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));

// The engine is part of this page's bundle: an extension page may not import the web-accessible
// copy by its per-session URL (its CSP allows only its own origin), so the loader finds it here;
// the same for the engine's second part.
contentEngine.main();
contentReader.main();
contentScript.main();
