import type { SessionNotice } from '../../api';

/**
 * The ids of the notices the user has seen: those listed when the list was
 * last open. Kept in localStorage, not memory, so reloading the window does
 * not announce again what the backend still lists (it keeps the notices of
 * the app's run). Ids, not a time: a notice's `at` is when its session
 * reached the status, which can be earlier than a notice already seen (an
 * end noticed late), while ids are unique (UUIDs) across runs too.
 */
export const NOTICES_SEEN_KEY = 'berth.notices.seen';

export function loadSeen(storage: Storage = window.localStorage): ReadonlySet<string> {
  try {
    const saved = JSON.parse(storage.getItem(NOTICES_SEEN_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(saved) ? saved.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Marks every notice in `notices` as seen. Only their ids are kept: one
 * that has left the list cannot come back, so the set stays as small as
 * the backend's list.
 */
export function saveSeen(
  notices: readonly SessionNotice[],
  storage: Storage = window.localStorage,
): ReadonlySet<string> {
  const ids = notices.map((notice) => notice.id);
  storage.setItem(NOTICES_SEEN_KEY, JSON.stringify(ids));
  return new Set(ids);
}

/** How many of `notices` have not been seen. */
export function unreadCount(notices: readonly SessionNotice[], seen: ReadonlySet<string>): number {
  return notices.filter((notice) => !seen.has(notice.id)).length;
}
