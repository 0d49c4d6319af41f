import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api';
import { queryKeys } from './queryKeys';

export function useProjects() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.projects,
    queryFn: () => api.listProjects(),
  });
}

export function useCurrentProject() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.currentProject,
    queryFn: () => api.currentProject(),
  });
}

export function useSetCurrentProject() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.setCurrentProject(name),
    onSuccess: async (project) => {
      queryClient.setQueryData(queryKeys.currentProject, project);
      // Most data is scoped to the project, so refresh everything except the
      // engine, which is shared by all projects.
      await queryClient.invalidateQueries({
        predicate: (query) =>
          query.queryKey[0] !== queryKeys.engineStatus[0] &&
          query.queryKey[0] !== queryKeys.currentProject[0],
      });
    },
  });
}
