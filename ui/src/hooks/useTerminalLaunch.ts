import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../api';
import { queryKeys } from './queryKeys';

/** Whether "Open in system terminal" can work here; asked once, the host does not change. */
export function useSystemTerminalAvailable() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.systemTerminal,
    queryFn: () => api.systemTerminalAvailable(),
    staleTime: Infinity,
  });
}

/** Opening a session's terminal: Berth's own window, or the host's terminal emulator. */
export function useTerminalLaunch() {
  const api = useApi();
  const window = useMutation({ mutationFn: (sessionId: string) => api.openTerminalWindow(sessionId) });
  const system = useMutation({ mutationFn: (sessionId: string) => api.openSystemTerminal(sessionId) });
  return { window, system };
}
