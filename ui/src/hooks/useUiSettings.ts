import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, type UiSettings } from '../api';
import { queryKeys } from './queryKeys';
import { useBackendEvent } from './useBackendEvent';

/** The font sizes the terminal accepts; the backend refuses anything else. */
export const TERMINAL_FONT_SIZE = { min: 8, max: 32 } as const;

/**
 * The preferences every window shares, kept current when another window
 * changes them (the backend broadcasts each change).
 */
export function useUiSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  useBackendEvent(api.onSettingsChanged, (settings) => {
    queryClient.setQueryData(queryKeys.settings, settings);
  });
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => api.getSettings(),
    // Changes arrive as events; there is nothing to poll for.
    staleTime: Infinity,
  });
}

/**
 * Saves settings, showing the new values at once. A refusal puts the
 * previous values back; the mutation's error says why.
 */
export function useSaveSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: UiSettings) => api.setSettings(settings),
    onMutate: async (settings) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.settings });
      const previous = queryClient.getQueryData<UiSettings>(queryKeys.settings);
      queryClient.setQueryData(queryKeys.settings, settings);
      return { previous };
    },
    onError: (_error, _settings, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.settings, context.previous);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
    },
  });
}
