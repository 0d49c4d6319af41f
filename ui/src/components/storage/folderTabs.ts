import type { Folder } from '../../api';

export const FOLDER_TABS = ['general', 'model', 'data', 'automount', 'trash'] as const;
export type FolderTab = (typeof FOLDER_TABS)[number];

/**
 * The folders a Storage tab shows: automount folders have a tab of their own
 * whatever their usage mode; the other ready folders are split by it.
 */
export function foldersInTab(tab: FolderTab, ready: Folder[], trashed: Folder[]): Folder[] {
  switch (tab) {
    case 'trash':
      return trashed;
    case 'automount':
      return ready.filter((folder) => folder.automount);
    default:
      return ready.filter((folder) => !folder.automount && folder.usage_mode === tab);
  }
}

/** The tab a ready folder appears under. */
export function tabOf(folder: Folder): FolderTab {
  if (folder.status === 'trashed') return 'trash';
  return folder.automount ? 'automount' : folder.usage_mode;
}

/** Case-insensitive match on the name; an empty search matches everything. */
export function matchesSearch(folder: Folder, search: string): boolean {
  return folder.name.toLowerCase().includes(search.trim().toLowerCase());
}
