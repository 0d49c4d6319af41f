import { describe, expect, it } from 'vitest';
import { notice } from '../../test/fakeApi';
import { NOTICES_SEEN_KEY, loadSeen, saveSeen, unreadCount } from './noticeSeen';

describe('seen notices', () => {
  const a = notice('ready', 'a', { id: 'n-a', at: '2025-06-01T10:00:00Z' });
  // Reached its status earlier, but told later: still unread.
  const late = notice('ended', 'b', { id: 'n-b', at: '2025-06-01T09:00:00Z' });

  it('counts by id, whatever the times say', () => {
    const seen = saveSeen([a]);
    expect(unreadCount([late, a], seen)).toBe(1);
    expect(unreadCount([late, a], loadSeen())).toBe(1);
    expect(unreadCount([late, a], new Set())).toBe(2);
  });

  it('keeps only the ids still listed', () => {
    saveSeen([a]);
    saveSeen([late]);
    expect([...loadSeen()]).toEqual(['n-b']);
  });

  it('starts from nothing seen when the saved value is missing or malformed', () => {
    expect(loadSeen().size).toBe(0);
    window.localStorage.setItem(NOTICES_SEEN_KEY, '{not json');
    expect(loadSeen().size).toBe(0);
    window.localStorage.setItem(NOTICES_SEEN_KEY, JSON.stringify([1, 'n-a', null]));
    expect([...loadSeen()]).toEqual(['n-a']);
  });
});
