import { createContext, useContext } from 'react';

export interface FolderExplorerControls {
  /** Opens the explorer drawer on the root of the ready folder `folder`. */
  open: (folder: string) => void;
  close: () => void;
}

export const FolderExplorerContext = createContext<FolderExplorerControls | null>(null);

/** Opens the one folder explorer of the app, from any page or dialog. */
export function useFolderExplorer(): FolderExplorerControls {
  const controls = useContext(FolderExplorerContext);
  if (!controls) throw new Error('useFolderExplorer needs a FolderExplorerProvider above it');
  return controls;
}
