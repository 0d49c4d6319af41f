import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api';
import { queryKeys } from './queryKeys';

export const ENGINE_POLL_MS = 10_000;

export function useEngineStatus() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.engineStatus,
    queryFn: () => api.engineStatus(),
    refetchInterval: ENGINE_POLL_MS,
    // Docker may be started while Berth sits in the background; the badge
    // should already be right when the user comes back.
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

export type EngineState = 'loading' | 'connected' | 'unreachable';

export function engineStateOf(query: ReturnType<typeof useEngineStatus>): EngineState {
  if (query.isError) return 'unreachable';
  if (query.data === undefined) return 'loading';
  return query.data.state;
}
