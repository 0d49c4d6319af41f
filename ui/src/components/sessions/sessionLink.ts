import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api';
import { useBackendEvent } from '../../hooks/useBackendEvent';
import type { DrawerTab } from './SessionTable';

/**
 * The session drawer lives in the Sessions page's search parameters
 * (`/sessions?session=<id>&tab=logs`), so anything that can navigate can
 * open it: the notification centre, a desktop notification's action.
 */
export const SESSION_PARAM = 'session';
export const TAB_PARAM = 'tab';

/** Where a session's drawer opens on `tab`. */
export function sessionPath(id: string, tab: DrawerTab = 'overview'): string {
  const params = new URLSearchParams({ [SESSION_PARAM]: id, [TAB_PARAM]: tab });
  return `/sessions?${params.toString()}`;
}

/** The drawer the parameters ask for; an unknown tab is the overview. */
export function drawerFromParams(params: URLSearchParams): { id: string | null; tab: DrawerTab } {
  const id = params.get(SESSION_PARAM);
  const tab = params.get(TAB_PARAM) === 'logs' ? 'logs' : 'overview';
  return { id: id === '' ? null : id, tab };
}

/** Navigates to a session's drawer from anywhere in the app. */
export function useOpenSession() {
  const navigate = useNavigate();
  return useCallback(
    (id: string, tab: DrawerTab = 'overview') => {
      void navigate(sessionPath(id, tab));
    },
    [navigate],
  );
}

/**
 * Follows `berth://open-session`, what a click on a desktop notification
 * sends the main window. Mount it once, in the layout.
 */
export function useOpenSessionEvents() {
  const api = useApi();
  const openSession = useOpenSession();
  useBackendEvent(api.onOpenSession, (request) => {
    openSession(request.session_id, request.tab === 'logs' ? 'logs' : 'overview');
  });
}
