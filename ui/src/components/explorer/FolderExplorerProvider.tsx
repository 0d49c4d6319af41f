import { Drawer } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FolderExplorerContext, type FolderExplorerControls } from './FolderExplorerContext';
import { FolderExplorer } from './FolderExplorer';

/** Wide enough for the toolbar on one line, narrow enough to keep the page in view at 1280 px. */
const DRAWER_WIDTH = 880;

/** Provides `useFolderExplorer()` and holds the one explorer drawer of the app. */
export function FolderExplorerProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  // `opening` grows with every open, so reopening starts from the folder root.
  const [state, setState] = useState<{ folder: string; open: boolean; opening: number } | null>(null);

  const controls = useMemo<FolderExplorerControls>(
    () => ({
      open: (folder) => {
        setState((previous) => ({ folder, open: true, opening: (previous?.opening ?? 0) + 1 }));
      },
      close: () => {
        setState((previous) => previous && { ...previous, open: false });
      },
    }),
    [],
  );

  return (
    <FolderExplorerContext value={controls}>
      {children}
      <Drawer
        open={state?.open ?? false}
        onClose={controls.close}
        size={DRAWER_WIDTH}
        closable={false}
        destroyOnHidden
        aria-label={t('explorer.label')}
        styles={{ body: { padding: 0, height: '100%' } }}
      >
        {state && (
          <FolderExplorer key={state.opening} name={state.folder} onClose={controls.close} />
        )}
      </Drawer>
    </FolderExplorerContext>
  );
}
