// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CouncilsView } from '../../components/CouncilsView';
import { type PanelTab, PanelTabs, rememberedTab, rememberTab } from '../../components/PanelTabs';
import { ThisPageView, type ThisPageViewProps } from '../../components/ThisPageView';
import type { Article, Clip } from '../../lib/clips';
import type { CouncilRow, PageReport } from '../../lib/messages';
import { testClip } from '../support/clip';

let root: HTMLElement;
function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  localStorage.clear();
});

const byRole = (role: string) => [...root.querySelectorAll<HTMLElement>(`[role="${role}"]`)];
const buttonNamed = (name: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? b.textContent ?? '';
    return typeof name === 'string' ? label === name : name.test(label);
  }) as HTMLButtonElement;
const key = (el: Element, k: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });

describe('the tab shell', () => {
  function Shell() {
    const [tab, setTab] = useState<PanelTab>(rememberedTab());
    return (
      <PanelTabs
        selected={tab}
        onSelect={(t) => {
          setTab(t);
          rememberTab(t);
        }}
        panels={{ page: <p>page view</p>, collection: <p>collection view</p>, councils: <p>councils view</p> }}
      />
    );
  }

  test('three named tabs, one tab stop, arrows move and show, the choice is remembered', () => {
    mount(<Shell />);
    const tabs = byRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['This page', 'Collection', 'Councils']);
    expect(root.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Views');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    const visible = () =>
      byRole('tabpanel')
        .filter((p) => !p.hidden)
        .map((p) => p.textContent);
    expect(visible()).toEqual(['page view']);
    key(tabs[0], 'ArrowRight');
    expect(byRole('tab').map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(document.activeElement?.textContent).toBe('Collection');
    expect(visible()).toEqual(['collection view']);
    key(byRole('tab')[1], 'End');
    expect(visible()).toEqual(['councils view']);
    key(byRole('tab')[2], 'ArrowRight');
    expect(visible()).toEqual(['page view']);
    key(byRole('tab')[0], 'ArrowLeft');
    expect(visible()).toEqual(['councils view']);
    // Each panel is labelled by its tab.
    const councils = byRole('tabpanel').find((p) => !p.hidden) as HTMLElement;
    expect(document.getElementById(councils.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Councils');
    act(() => render(null, root));
    mount(<Shell />);
    expect(byRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent).toBe('Councils');
  });
});

const report = (over: Partial<PageReport> = {}): PageReport => ({
  url: 'https://news.example/lambeth',
  title: 'Ofsted rates Lambeth children’s services inadequate',
  isInspectionArticle: true,
  confidence: 0.99,
  counts: {},
  highlighting: true,
  outcomes: [
    { council: { code: 'E09000022', name: 'Lambeth' }, grade: 'requires improvement', current: true, year: 2019 },
  ],
  findings: [
    {
      id: 'g:5:25:requires improvement',
      kind: 'grade',
      text: 'requires improvement',
      sentence: 'Lambeth was judged requires improvement in 2019.',
      start: 5,
      grade: 'requires improvement',
      councils: [{ code: 'E09000022', name: 'Lambeth' }],
      current: true,
      year: 2019,
    },
    {
      id: 'i:60:120',
      kind: 'improvement',
      text: 'The council must improve supervision.',
      sentence: 'The council must improve supervision.',
      start: 60,
      councils: [],
      topic: 'supervision',
    },
  ],
  ...over,
});
const clip = (quote: string, start: number, over: Partial<Clip> = {}): Clip =>
  testClip(
    quote,
    { url: 'https://news.example/lambeth', start, created: 10_000 - start },
    { id: `c${start}`, updated: 1, ...over },
  );

function view(over: Partial<ThisPageViewProps> = {}) {
  const props: ThisPageViewProps = {
    report: report(),
    paused: false,
    site: 'news.example',
    record: null,
    clips: [],
    onShowFinding: vi.fn(async () => null),
    onClipFinding: vi.fn(async () => null),
    onShowClip: vi.fn(),
    ...over,
  };
  mount(<ThisPageView {...props} />);
  return props;
}

describe('This page', () => {
  test('outcomes with grade words, findings with councils and topics, clips in page order', () => {
    view({ clips: [clip('second passage', 200), clip('first passage', 100, { orphaned: true })] });
    const table = root.querySelector('table') as HTMLTableElement;
    expect(table.textContent).toContain('Lambeth');
    expect(table.querySelector('.grade-requires-improvement')?.textContent).toBe('requires improvement');
    expect(table.textContent).toContain('current (2019)');
    // A grade with no judgement area is the overall one: its Judgement cell says so.
    expect([...table.querySelectorAll('tbody td')].map((td) => td.textContent)[3]).toBe('Overall');
    const findings = root.querySelector('[aria-label="Findings on this page"]') as HTMLElement;
    expect(findings.textContent).toContain('Grade:');
    expect(findings.textContent).toContain('topic: supervision');
    const clips = [
      ...(root.querySelector('[aria-label="Clips from this page"]') as HTMLElement).querySelectorAll('li'),
    ];
    expect(clips.map((li) => li.querySelector('q')?.textContent)).toEqual(['first passage', 'second passage']);
    expect(clips[0].textContent).toContain('not found on the last visit');
    // No record saved yet: the reader is told how.
    expect(root.textContent).toContain('Save inspection record');
    expect(root.querySelector('#findings-h')?.textContent).toBe('Findings (2)');
  });

  test('when the page has more findings than the report lists, the heading says so', () => {
    view({ report: report({ counts: { 'il-council': 400, 'il-grade-good': 20, 'il-clip': 3 } }) });
    expect(root.querySelector('#findings-h')?.textContent).toBe('Findings (the first 2 of 420)');
  });

  test('activating a finding asks the page to show it; “Save as clip” saves it and says so', async () => {
    const props = view();
    act(() => buttonNamed('Show “The council must improve supervision.” in the page').click());
    expect(props.onShowFinding).toHaveBeenCalledWith('i:60:120');
    await act(async () => buttonNamed('Save as clip: grade “requires improvement”').click());
    expect(props.onClipFinding).toHaveBeenCalledWith('g:5:25:requires improvement');
    expect(root.querySelector('.view-status')?.textContent).toContain(
      'Saved as a clip: “Lambeth was judged requires improvement in 2019.”',
    );
  });

  test('a failed save is reported in words', async () => {
    view({ onClipFinding: async () => 'This finding is no longer on the page (it may have changed).' });
    await act(async () => buttonNamed(/^Save as clip: improvement area/).click());
    expect(root.querySelector('.view-status')?.textContent).toBe(
      'This finding is no longer on the page (it may have changed).',
    );
  });

  test('the saved inspection record is shown', () => {
    const record: Article = {
      id: 'https://news.example/lambeth',
      url: 'https://news.example/lambeth',
      canonicalUrl: 'https://news.example/lambeth',
      title: 'T',
      site: 'news.example',
      outcomes: [{ council: { code: 'E09000022', name: 'Lambeth' }, grade: 'good', current: true, year: 2023 }],
      recordSaved: Date.UTC(2026, 10, 1),
      created: 1,
      updated: 1,
    };
    view({ record });
    const saved = root.querySelector('[aria-label="Saved inspection record"]') as HTMLElement;
    expect(saved.textContent).toContain('Inspection record saved on 1 November 2026: 1 outcome');
    expect(saved.textContent).toContain('Lambeth: good current (2023)');
  });

  test('a page that is not an inspection article says so and how to clip; no page at all says what to open', () => {
    view({ report: report({ isInspectionArticle: false, confidence: 0.1, outcomes: [], findings: [] }) });
    // How sure, in words (issue 16): never a percentage.
    expect(root.textContent).toContain('This page is probably not an inspection article');
    expect(root.textContent).not.toMatch(/\d%/);
    expect(root.textContent).toContain('select text and press the Clip button');
    expect(root.querySelector('[aria-label="Findings on this page"]')).toBeNull();
    act(() => render(null, root));
    view({ report: null });
    expect(root.textContent).toContain('Open a news article about an Ofsted inspection');
  });
});

describe('Councils', () => {
  const row: CouncilRow = {
    code: 'E09000022',
    name: 'Lambeth',
    urn: '80506',
    clips: 2,
    points: [
      {
        grade: 'inadequate',
        current: true,
        year: 2019,
        articleId: 'a',
        url: 'https://news.example/2019',
        title: 'Rated inadequate',
        source: 'record',
      },
      {
        grade: 'requires improvement',
        current: true,
        year: 2021,
        articleId: 'b',
        url: 'https://news.example/2021',
        title: 'Improving',
        source: 'clip',
      },
      {
        grade: 'good',
        current: true,
        year: 2023,
        articleId: 'c',
        url: 'https://news.example/2023',
        title: 'Judged good',
        source: 'record',
      },
    ],
  };

  test('a timeline per council, grades as words, each point opening its article, and the Ofsted link', () => {
    const onOpen = vi.fn();
    mount(<CouncilsView rows={[row, { code: 'E99999999', name: 'Nowhere', clips: 1, points: [] }]} onOpen={onOpen} />);
    const timeline = root.querySelector('[aria-label="Grade history of Lambeth, oldest first"]') as HTMLElement;
    const points = [...timeline.querySelectorAll('a')];
    expect(points.map((a) => a.querySelector('.grade')?.textContent)).toEqual([
      'inadequate',
      'requires improvement',
      'good',
    ]);
    expect(points.map((a) => a.querySelector('.year')?.textContent)).toEqual(['2019', '2021', '2023']);
    expect(points[2].getAttribute('href')).toBe('https://news.example/2023');
    act(() => points[2].click());
    expect(onOpen).toHaveBeenCalledWith('https://news.example/2023');
    const ofsted = [...root.querySelectorAll('a')].filter((a) => a.textContent?.startsWith('Ofsted reports'));
    expect(ofsted.map((a) => a.getAttribute('href'))).toEqual(['https://reports.ofsted.gov.uk/provider/44/80506']);
    expect(root.textContent).toContain('No grades for Nowhere');
  });

  test('a point reported by a second article names it, and opens it', () => {
    const onOpen = vi.fn();
    const told = {
      ...row.points[0],
      alsoIn: [
        { articleId: 'https://later.example/2023', url: 'https://later.example/2023', title: 'Lambeth now good' },
      ],
    };
    mount(<CouncilsView rows={[{ ...row, points: [told] }]} onOpen={onOpen} />);
    const point = root.querySelector('ol.timeline li') as HTMLElement;
    expect(point.textContent).toMatch(/^2019 inadequate.*also in Lambeth now good$/);
    const second = [...point.querySelectorAll('a')].find((a) => a.textContent === 'Lambeth now good') as HTMLElement;
    act(() => second.click());
    expect(onOpen).toHaveBeenCalledWith('https://later.example/2023');
  });

  test('with no councils, it tells a new reader how to get some', () => {
    mount(<CouncilsView rows={[]} onOpen={() => {}} />);
    expect(root.textContent).toContain('No councils yet.');
    expect(root.textContent).toContain('Save inspection record');
  });
});
