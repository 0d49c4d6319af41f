import type { Session, SessionStatus } from '../../api';

/** Statuses a session never leaves (the core's `is_ended`). */
export function isEnded(status: SessionStatus): boolean {
  return status === 'TERMINATED' || status === 'ERROR';
}

/** On its way somewhere: the UI shows a spinner and polls faster. */
export function isTransitional(status: SessionStatus): boolean {
  return !isEnded(status) && status !== 'RUNNING';
}

/** Whether any of `sessions` is changing status on its own. */
export function anyTransitional(sessions: readonly Session[] | undefined): boolean {
  return sessions?.some((session) => isTransitional(session.status)) ?? false;
}
