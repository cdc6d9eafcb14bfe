// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { focusAtRange, focusedElement, returnFocus, tabGoesToClipButton } from '../../lib/page/focus-return';

beforeEach(() => {
  document.body.innerHTML =
    '<p id="top"><a id="first" href="#a">first</a></p><p id="para">Kent was rated <b id="b">good</b>.</p><a id="after" href="#b">after</a>';
});

describe('focus returns where the reader was', () => {
  test('to the element that had focus before the card', () => {
    const after = document.getElementById('after') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('b') as Node);
    returnFocus(after, range);
    expect(document.activeElement).toBe(after);
  });

  test('to the highlight when nothing had focus (not the top of the page)', () => {
    const b = document.getElementById('b') as HTMLElement;
    const range = document.createRange();
    range.setStart(b.firstChild as Node, 1);
    range.setEnd(b.firstChild as Node, 3);
    returnFocus(null, range);
    expect(document.activeElement).toBe(b);
    expect(focusedElement(document)).toBe(b);
    // The focus stop is only lent: it goes when focus leaves.
    expect(b.getAttribute('tabindex')).toBe('-1');
    (document.getElementById('after') as HTMLElement).focus();
    expect(b.hasAttribute('tabindex')).toBe(false);
  });

  test('an element removed meanwhile is skipped for the highlight', () => {
    const first = document.getElementById('first') as HTMLElement;
    first.remove();
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('para') as Node);
    returnFocus(first, range);
    expect(document.activeElement?.id).toBe('para');
  });

  test('a focusable element keeps its own tabindex', () => {
    const link = document.getElementById('after') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(link);
    expect(focusAtRange(range)).toBe(link);
    expect(link.hasAttribute('tabindex')).toBe(false);
  });
});

describe('Tab after a selection goes to the Clip button', () => {
  const key = (over: Partial<KeyboardEvent> = {}) => ({
    key: 'Tab',
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    ...over,
  });
  test.each([
    ['plain Tab, button shown', key(), true, false, true],
    ['button not shown', key(), false, false, false],
    ['focus already in our UI', key(), true, true, false],
    ['Shift+Tab goes back as usual', key({ shiftKey: true }), true, false, false],
    ['another key', key({ key: 'ArrowRight' }), true, false, false],
  ] as const)('%s', (_, e, shown, inUi, expected) => {
    expect(tabGoesToClipButton(e, shown, inUi)).toBe(expected);
  });
});
