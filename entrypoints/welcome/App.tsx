import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Legend } from '../../components/Legend';
import type { HighlightName } from '../../lib/analysis/findings';
import { SHORTCUTS } from '../../lib/data/wording';
import { createHighlighter } from '../../lib/page/highlighter';

/** A part of the sample excerpt: plain text, or text drawn as one highlight category. */
type Piece = string | [HighlightName, string];

/** A short excerpt in the style of the bundled sample article, marked the way the extension marks it. */
const EXCERPT: Piece[] = [
  'Ofsted rated ',
  ['il-council', 'Kent County Council'],
  '’s children’s services ',
  ['il-grade-outstanding', 'outstanding'],
  ' overall, up from ',
  ['il-grade-requires-improvement', 'requires improvement'],
  ' in 2019, while ',
  ['il-council', 'Medway'],
  ' remains ',
  ['il-grade-inadequate', 'inadequate'],
  '. ',
  ['il-clip', 'Inspectors praised the council’s “inspirational leaders”.'],
  ' ',
  ['il-improvement', 'Managers should make sure that plans for care leavers are reviewed on time.'],
];

/**
 * The first-run page, opened once when the extension is installed: what each highlight means,
 * shown on a sample excerpt drawn with the extension's own highlight styles, and how to clip.
 */
export function App() {
  const excerpt = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const p = excerpt.current;
    if (!p) return;
    // The same highlighter and style sheet as on a news page.
    const highlighter = createHighlighter(document);
    for (const span of p.querySelectorAll<HTMLElement>('[data-category]')) {
      const range = document.createRange();
      range.selectNodeContents(span);
      highlighter.add(span.dataset.category as HighlightName, range);
    }
    return () => highlighter.clear();
  }, []);
  const sample = browser.runtime.getURL('/sample.html');
  return (
    <main>
      <h1>Welcome to Inspection Lens</h1>
      <p class="lead">
        On a news article about an Ofsted inspection of a council’s children’s services, Inspection Lens highlights the
        grades, the councils and what inspectors say must improve, and lets you keep passages as clips. Other pages are
        left alone.
      </p>

      <section aria-labelledby="what">
        <h2 id="what">What the highlights mean</h2>
        <figure class="sample-article">
          <p ref={excerpt}>
            {EXCERPT.map((piece, i) =>
              typeof piece === 'string' ? (
                piece
              ) : (
                <span key={i} data-category={piece[0]}>
                  {piece[1]}
                </span>
              ),
            )}
          </p>
          <figcaption>A sample excerpt, highlighted as Inspection Lens highlights a news page.</figcaption>
        </figure>
        <h3>Key</h3>
        <Legend />
      </section>

      <section aria-labelledby="how">
        <h2 id="how">How to clip</h2>
        <ol>
          <li>
            Select text on an article, then press the <strong>Clip</strong> button that appears beside it (or press{' '}
            <kbd>{SHORTCUTS.clip}</kbd>, or right-click and choose <em>Save to Inspection Lens</em>).
          </li>
          <li>
            Or hover a highlight (or press <kbd>{SHORTCUTS.next}</kbd>): a card says what it is; press{' '}
            <strong>Save clip</strong> on it.
          </li>
          <li>
            Your clips, with notes and tags, are in the side panel: click the Inspection Lens button in the toolbar.
            They stay in this browser.
          </li>
        </ol>
        <p>
          <a class="try" href={sample}>
            Try it on a sample article
          </a>
        </p>
      </section>

      <section aria-labelledby="keys">
        <h2 id="keys">Keyboard</h2>
        <ul>
          <li>
            <kbd>{SHORTCUTS.next}</kbd> / <kbd>{SHORTCUTS.previous}</kbd>: next / previous highlight, with its card
          </li>
          <li>
            <kbd>{SHORTCUTS.close}</kbd>: close the card; focus goes back where you were
          </li>
          <li>
            <kbd>Tab</kbd> after selecting text: the Clip button; <kbd>{SHORTCUTS.clip}</kbd>: clip the selection
          </li>
        </ul>
        <p>You can change the shortcuts and switch categories off in the options page.</p>
      </section>
    </main>
  );
}
