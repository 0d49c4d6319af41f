import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, type LaunchRequest } from '../api';
import { anyTransitional } from '../components/sessions/sessionStatus';
import { queryKeys } from './queryKeys';

/** Polling while a session is launching or terminating, so each step shows. */
export const FAST_POLL_MS = 1_000;
/** Polling otherwise: a session can still end on its own, or from the CLI. */
export const SLOW_POLL_MS = 3_000;

/**
 * Every session of the current project, ended ones included, kept fresh
 * by polling: every second while any is on its way somewhere, else every
 * three.
 */
export function useSessions() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.sessionList(true),
    queryFn: () => api.listSessions(true),
    refetchInterval: (query) => (anyTransitional(query.state.data) ? FAST_POLL_MS : SLOW_POLL_MS),
  });
}

/** One session, polled like the list; `null` asks for nothing. */
export function useSession(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.session(id ?? ''),
    queryFn: () => api.sessionInfo(id ?? ''),
    enabled: id !== null,
    refetchInterval: (query) =>
      anyTransitional(query.state.data ? [query.state.data] : undefined) ? FAST_POLL_MS : SLOW_POLL_MS,
  });
}

/** The session's output so far; fetched on demand (the refresh button). */
export function useSessionLogs(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.sessionLogs(id),
    queryFn: () => api.sessionLogs(id),
    enabled,
    staleTime: 0,
  });
}

/** What the engine can give a session; the launcher bounds its inputs by it. */
export function useEngineLimits() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.engineLimits, queryFn: () => api.engineLimits() });
}

/** Images present on the engine. */
export function useImages() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.images, queryFn: () => api.listImages() });
}

/** Start, terminate, rename; each refreshes every session query when it settles. */
export function useSessionActions() {
  const api = useApi();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions });

  const start = useMutation({
    mutationFn: (request: LaunchRequest) => api.startSession(request),
    onSettled,
  });
  const terminate = useMutation({
    mutationFn: (id: string) => api.terminateSession(id),
    onSettled,
  });
  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => api.renameSession(id, name),
    onSettled,
  });
  return { start, terminate, rename };
}
