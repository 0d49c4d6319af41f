import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api';
import { queryKeys } from './queryKeys';

export function useStorageHosts() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.storageHosts,
    queryFn: () => api.listStorageHosts(),
  });
}
