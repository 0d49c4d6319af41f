import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, type FolderOptions } from '../api';
import { queryKeys } from './queryKeys';

/** Ready folders of the current project (`trash: false`), or its trash. */
export function useFolders(trash: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.folderList(trash),
    queryFn: () => api.listFolders(trash),
  });
}

/** The ready folder called `name`, from the cached folder list. */
export function useFolder(name: string) {
  const folders = useFolders(false);
  return { ...folders, folder: folders.data?.find((folder) => folder.name === name) };
}

/**
 * Mutations over folders. Each refreshes every folder list when it
 * settles, failed or not: a refused trash may still mean the list changed
 * under us (the CLI shares the database).
 */
export function useFolderActions() {
  const api = useApi();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: queryKeys.folders });

  const create = useMutation({
    mutationFn: ({ name, options }: { name: string; options: FolderOptions }) =>
      api.createFolder(name, options),
    onSettled,
  });
  const rename = useMutation({
    mutationFn: ({ name, newName }: { name: string; newName: string }) =>
      api.renameFolder(name, newName),
    onSettled,
  });
  const trash = useMutation({ mutationFn: (name: string) => api.trashFolder(name), onSettled });
  const restore = useMutation({ mutationFn: (name: string) => api.restoreFolder(name), onSettled });
  const purge = useMutation({
    mutationFn: ({ name, confirm }: { name: string; confirm: string }) =>
      api.purgeFolder(name, confirm),
    onSettled,
  });
  const refreshSize = useMutation({
    mutationFn: (name: string) => api.refreshFolderSize(name),
    onSettled,
  });
  return { create, rename, trash, restore, purge, refreshSize };
}
