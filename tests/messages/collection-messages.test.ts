// The Collection view's messages are checked at the boundary like every other.
import { describe, expect, test } from 'vitest';
import { parseMessage } from '../../lib/messages';

describe('collection messages', () => {
  test('queryClips accepts a well-formed query and refuses unknown fields, wrong types and huge windows', () => {
    const ok = {
      text: 'leeds inad',
      category: 'grade',
      grade: 'good',
      council: 'E08000035',
      tag: 'delay',
      from: 0,
      to: 1e12,
      groupBy: 'council',
      offset: 40,
      limit: 80,
    };
    expect(parseMessage({ type: 'queryClips', data: ok })).toEqual({ type: 'queryClips', data: ok });
    expect(parseMessage({ type: 'queryClips', data: {} })).not.toBeNull();
    for (const bad of [
      { text: 42 },
      { category: 'everything' },
      { groupBy: 'site' },
      { offset: -1 },
      { limit: 100_000 },
      { limit: 1.5 },
      { from: Number.NaN },
      { text: 'x'.repeat(2000) },
      { sql: 'drop table' },
      null,
      [],
    ])
      expect(parseMessage({ type: 'queryClips', data: bad }), JSON.stringify(bad)).toBeNull();
  });

  test('deleteClips, restoreClips, openClip and showClip check their data', () => {
    expect(parseMessage({ type: 'deleteClips', data: { ids: ['a', 'b'] } })).not.toBeNull();
    expect(parseMessage({ type: 'deleteClips', data: { ids: [1] } })).toBeNull();
    expect(parseMessage({ type: 'deleteClips', data: { ids: 'a' } })).toBeNull();
    expect(parseMessage({ type: 'restoreClips', data: { clips: [{ id: 'not a clip' }] } })).toBeNull();
    expect(parseMessage({ type: 'restoreClips', data: { clips: [] } })).not.toBeNull();
    expect(parseMessage({ type: 'openClip', data: { clipId: 'c1' } })).not.toBeNull();
    expect(parseMessage({ type: 'openClip', data: { clipId: 'x'.repeat(500) } })).toBeNull();
    expect(parseMessage({ type: 'showClip', data: {} })).toBeNull();
  });
});
