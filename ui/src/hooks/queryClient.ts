import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Calls go to a local process, not a flaky network: a failure is
        // real and should show at once rather than after silent retries.
        retry: false,
        staleTime: 5_000,
      },
    },
  });
}
