import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, type SortKey } from '../../api';
import { queryKeys } from '../../hooks/queryKeys';

/** Entries per page; the backend pages with offset and limit. */
export const PAGE_SIZE = 200;

export interface ListingView {
  path: string;
  sort: SortKey;
  descending: boolean;
  page: number;
}

export function useDirPage(folder: string, view: ListingView) {
  const api = useApi();
  const offset = (view.page - 1) * PAGE_SIZE;
  return useQuery({
    queryKey: queryKeys.dirPage(folder, view.path, view.sort, view.descending, offset),
    queryFn: () =>
      api.fsList({
        folder,
        path: view.path,
        sort: view.sort,
        descending: view.descending,
        offset,
        limit: PAGE_SIZE,
      }),
    // Keep the rows on screen while another page or order of the same
    // directory loads, but never show one directory's rows under another's path.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[3].path === view.path ? previous : undefined,
    staleTime: 0,
  });
}

/** Changes to a folder's entries; each refreshes its listings when it settles. */
export function useEntryActions(folder: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const onSettled = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.folderContents(folder) });

  const mkdir = useMutation({ mutationFn: (path: string) => api.fsMkdir(folder, path), onSettled });
  const rename = useMutation({
    mutationFn: ({ from, to }: { from: string; to: string }) => api.fsRename(folder, from, to),
    onSettled,
  });
  const remove = useMutation({
    mutationFn: (paths: string[]) => api.fsRemove(folder, paths),
    onSettled,
  });
  const writeText = useMutation({
    mutationFn: ({ path, content }: { path: string; content: string }) =>
      api.fsWriteText(folder, path, content),
    onSuccess: (_, { path, content }) => {
      queryClient.setQueryData(queryKeys.textFile(folder, path), content);
    },
    onSettled,
  });
  return { mkdir, rename, remove, writeText };
}

export function useTextFile(folder: string, path: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.textFile(folder, path),
    queryFn: () => api.fsReadText(folder, path),
    staleTime: 0,
    gcTime: 0,
  });
}
