import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, type SessionNotice } from '../api';
import { queryKeys } from './queryKeys';
import { useBackendEvent } from './useBackendEvent';

/**
 * The notices so far, newest first: the backend's list once, then each
 * new one as it is announced, which also refreshes the sessions. Mount it
 * once (the header's bell does).
 */
export function useNotices() {
  const api = useApi();
  const queryClient = useQueryClient();
  useBackendEvent(api.onNotice, (notice) => {
    // A notice is a status change: show it in the session list at once
    // rather than at the next poll.
    void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    const known = queryClient.getQueryData<SessionNotice[]>(queryKeys.notices);
    if (known === undefined) {
      // The first list is still on its way and may predate this notice:
      // ask again rather than let that answer drop it.
      void queryClient.invalidateQueries({ queryKey: queryKeys.notices });
      return;
    }
    queryClient.setQueryData<SessionNotice[]>(queryKeys.notices, [
      notice,
      ...known.filter((other) => other.id !== notice.id),
    ]);
  });
  return useQuery({
    queryKey: queryKeys.notices,
    queryFn: () => api.listNotices(),
    // New notices arrive as events; refetching would only repeat the list.
    staleTime: Infinity,
  });
}

export function useClearNotices() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.clearNotices(),
    onSuccess: () => {
      queryClient.setQueryData<SessionNotice[]>(queryKeys.notices, []);
    },
  });
}
