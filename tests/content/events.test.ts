import { expect, test } from 'vitest';
import { createEvents } from '../../lib/content/events';

test('a listener hears its events until its signal aborts, and no other type', () => {
  const events = createEvents<'a' | 'b'>();
  const heard: string[] = [];
  const c = new AbortController();
  events.on('a', () => heard.push('a1'), c.signal);
  events.on('a', () => heard.push('a2'), new AbortController().signal);
  events.on('b', () => heard.push('b'), c.signal);
  events.emit('a');
  c.abort();
  events.emit('a');
  events.emit('b');
  expect(heard).toEqual(['a1', 'a2', 'a2']);
  const done = new AbortController();
  done.abort();
  events.on('a', () => heard.push('late'), done.signal);
  events.emit('a');
  expect(heard).toEqual(['a1', 'a2', 'a2', 'a2']);
});
