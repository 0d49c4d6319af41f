import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi, type LaunchRequest } from '../api';
import { queryKeys } from './queryKeys';

/** How long edits must pause before the request goes to the core for checking. */
export const LAUNCH_CHECK_DELAY_MS = 250;

/**
 * Live validation of a launch request by the core (spec rules, mount
 * planning, engine limits), debounced while the user edits. `settled` is
 * false while the shown answer is about an earlier version of the request.
 */
export function useLaunchCheck(request: LaunchRequest) {
  const api = useApi();
  const key = JSON.stringify(request);
  const [debounced, setDebounced] = useState(key);

  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(key);
    }, LAUNCH_CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [key]);

  const query = useQuery({
    queryKey: queryKeys.launchCheck(debounced),
    queryFn: () => api.checkLaunch(JSON.parse(debounced) as LaunchRequest),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const settled = debounced === key && !query.isPlaceholderData && !query.isFetching;
  return { ...query, settled };
}
