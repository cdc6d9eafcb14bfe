import { describe, expect, test } from 'vitest';
import type { PageReport } from '../lib/messages';
import { badgeText, toolbarTitle } from '../lib/toolbar';

const report = (over: Partial<PageReport>): PageReport => ({
  url: 'https://example.org/a',
  title: 'A',
  isInspectionArticle: true,
  confidence: 0.9,
  counts: { 'il-grade-good': 2, 'il-council': 7, 'il-improvement': 3, 'il-clip': 4 },
  outcomes: [],
  highlighting: true,
  ...over,
});

describe('the toolbar button', () => {
  test('the tooltip says what the badge number counts (clips are not findings)', () => {
    expect(badgeText(report({}))).toBe('12');
    expect(toolbarTitle(report({}))).toBe(
      'Inspection Lens: 12 findings on this page (grades, councils, improvement areas)',
    );
    expect(toolbarTitle(report({ counts: { 'il-council': 1 } }))).toBe(
      'Inspection Lens: 1 finding on this page (grades, councils, improvement areas)',
    );
  });

  test('no number and a plain tooltip on other pages; highlighting off is said', () => {
    expect(badgeText(report({ isInspectionArticle: false }))).toBe('');
    expect(toolbarTitle(report({ isInspectionArticle: false }))).toBe('Inspection Lens');
    expect(badgeText(report({ highlighting: false }))).toBe('');
    expect(toolbarTitle(report({ highlighting: false }))).toMatch(/highlighting is off/);
  });
});
