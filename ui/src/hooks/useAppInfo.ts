import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api';
import { queryKeys } from './queryKeys';

export function useAppInfo() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => api.appInfo(),
    // Fixed for the lifetime of the process.
    staleTime: Infinity,
  });
}
