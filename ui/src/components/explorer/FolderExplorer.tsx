import { CloseOutlined, ExportOutlined, FolderOpenOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Empty, Flex, Result, Skeleton, Tooltip, Typography, theme } from 'antd';
import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError, type DirEntry, type Folder, type SortKey } from '../../api';
import { queryKeys } from '../../hooks/queryKeys';
import { useFolder } from '../../hooks/useFolders';
import { ErrorAlert } from '../ErrorAlert';
import { PermissionTag, UsageModeTag } from '../storage/FolderTags';
import { useTransfers } from '../transfers/TransferContext';
import { ConflictModal } from './ConflictModal';
import { DropOverlay } from './DropOverlay';
import { EntryNameModal } from './EntryNameModal';
import { EntryTable } from './EntryTable';
import { ExplorerToolbar } from './ExplorerToolbar';
import { PathBreadcrumb } from './PathBreadcrumb';
import { PreviewModal } from './PreviewModal';
import { childPath, hostChildPath } from './entryPaths';
import { useDirPage, useEntryActions } from './useFolderContents';
import { useUploader } from './useUploader';

type Dialog = { kind: 'mkdir' } | { kind: 'rename'; entry: DirEntry } | { kind: 'preview'; entry: DirEntry };

interface ExplorerHeaderProps {
  name: string;
  folder?: Folder;
  refreshing: boolean;
  onRefresh: () => void;
  onOpenOnHost: () => void;
  onClose: () => void;
}

function HeaderButton({ title, testId, icon, onClick }: { title: string; testId: string; icon: ReactNode; onClick: () => void }) {
  return (
    <Tooltip title={title}>
      <Button type="text" aria-label={title} data-testid={testId} icon={icon} onClick={onClick} />
    </Tooltip>
  );
}

function ExplorerHeader({ name, folder, refreshing, onRefresh, onOpenOnHost, onClose }: ExplorerHeaderProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex
      align="center"
      gap={12}
      style={{ padding: '14px 16px 14px 24px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
    >
      <FolderOpenOutlined style={{ fontSize: 20, color: token.colorPrimary }} />
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Typography.Title level={5} ellipsis style={{ margin: 0 }}>
            {name}
          </Typography.Title>
          {folder && <PermissionTag permission={folder.permission} />}
          {folder && <UsageModeTag mode={folder.usage_mode} />}
        </Flex>
        {folder && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('explorer.subtitle', { host: folder.host })}
          </Typography.Text>
        )}
      </Flex>
      <Flex gap={2}>
        <HeaderButton
          title={t('explorer.toolbar.refresh')}
          testId="explorer-refresh"
          icon={<ReloadOutlined spin={refreshing} />}
          onClick={onRefresh}
        />
        <HeaderButton
          title={t('explorer.toolbar.openOnHost')}
          testId="explorer-open-host"
          icon={<ExportOutlined />}
          onClick={onOpenOnHost}
        />
        <HeaderButton
          title={t('common.close')}
          testId="explorer-close"
          icon={<CloseOutlined />}
          onClick={onClose}
        />
      </Flex>
    </Flex>
  );
}

/** The explorer's body for one folder; remounted for each opening. */
export function FolderExplorer({ name, onClose }: { name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const api = useApi();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const transfers = useTransfers();
  const folders = useFolder(name);
  const readOnly = folders.folder?.permission !== 'rw';

  const [path, setPath] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const [pageNumber, setPageNumber] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dragging, setDragging] = useState(false);

  const listing = useDirPage(name, { path, sort: sort.key, descending: sort.descending, page: pageNumber });
  const actions = useEntryActions(name);
  const uploader = useUploader(name);
  const entries = listing.data?.entries ?? [];
  const selection = entries.filter((entry) => selected.includes(entry.name));

  const navigate = (next: string) => {
    setPath(next);
    setPageNumber(1);
    setSelected([]);
  };

  const showError = (error: unknown) => {
    void message.error((error as ApiError).message);
  };

  const open = (entry: DirEntry) => {
    if (entry.kind === 'dir') navigate(childPath(path, entry.name));
    else setDialog({ kind: 'preview', entry });
  };

  const download = async (chosen: DirEntry[]) => {
    try {
      const [only] = chosen;
      if (chosen.length === 1 && only?.kind === 'file') {
        // The native save dialog has already asked before replacing a file.
        const dest = await api.pickSavePath(only.name);
        if (dest === null) return;
        await transfers.download({ folder: name, path: childPath(path, only.name), dest, onConflict: 'overwrite' });
        return;
      }
      const dir = await api.pickDirectory();
      if (dir === null) return;
      for (const entry of chosen) {
        await transfers.download({
          folder: name,
          path: childPath(path, entry.name),
          dest: hostChildPath(dir, entry.name),
          onConflict: 'rename',
        });
      }
    } catch (error) {
      showError(error);
    }
  };

  const uploadPicked = async (pick: () => Promise<string[]>) => {
    try {
      await uploader.upload(path, await pick());
    } catch (error) {
      showError(error);
    }
  };

  const onDrop = useEffectEvent((type: 'enter' | 'over' | 'leave' | 'drop', paths: string[]) => {
    setDragging(type === 'enter' || type === 'over');
    if (type !== 'drop' || paths.length === 0) return;
    if (readOnly) void message.warning(t('explorer.drop.readOnly'));
    else void uploader.upload(path, paths);
  });
  useEffect(
    () =>
      api.onFileDrop((event) => {
        onDrop(event.type, event.paths);
      }),
    [api],
  );

  const remove = () => {
    const count = selection.length;
    actions.remove.mutate(
      selection.map((entry) => childPath(path, entry.name)),
      {
        onSuccess: () => {
          void message.success(t('explorer.delete.done', { count }));
          setSelected([]);
        },
        onError: showError,
      },
    );
  };

  let content;
  if (folders.isPending) {
    content = <Skeleton active style={{ padding: 24 }} />;
  } else if (!folders.folder) {
    content = (
      <Result
        status="warning"
        title={t('explorer.missing.title', { name })}
        subTitle={t('explorer.missing.body')}
      />
    );
  } else {
    content = (
      <>
        <Flex vertical gap={12} style={{ padding: '16px 24px 8px' }}>
          <ExplorerToolbar
            readOnly={readOnly}
            selectedCount={selection.length}
            deleting={actions.remove.isPending}
            onUploadFiles={() => void uploadPicked(() => api.pickFiles())}
            onUploadFolder={() =>
              void uploadPicked(async () => {
                const dir = await api.pickDirectory();
                return dir === null ? [] : [dir];
              })
            }
            onMkdir={() => {
              setDialog({ kind: 'mkdir' });
            }}
            onDownload={() => void download(selection)}
            onRename={() => {
              const [entry] = selection;
              if (entry) setDialog({ kind: 'rename', entry });
            }}
            onDelete={remove}
          />
          <PathBreadcrumb folder={name} path={path} onNavigate={navigate} />
        </Flex>
        <div style={{ flex: 1, minHeight: 0, overflow: 'auto', padding: '0 24px' }}>
          {listing.isError ? (
            <ErrorAlert title={t('explorer.listFailed')} error={listing.error} />
          ) : (
            <EntryTable
              page={listing.data}
              loading={listing.isPending || (listing.isFetching && listing.isPlaceholderData)}
              sort={sort.key}
              descending={sort.descending}
              pageNumber={pageNumber}
              selected={selected}
              emptyText={
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={readOnly ? t('explorer.emptyReadOnly') : t('explorer.empty')}
                />
              }
              onSelect={setSelected}
              onSort={(key, descending) => {
                setSort({ key, descending });
                setPageNumber(1);
              }}
              onPage={(next) => {
                setPageNumber(next);
                setSelected([]);
              }}
              onOpen={open}
            />
          )}
        </div>
        <Flex
          justify="space-between"
          style={{
            padding: '8px 24px',
            borderTop: `1px solid ${token.colorBorderSecondary}`,
            fontSize: 12,
            color: token.colorTextSecondary,
          }}
        >
          <span>
            {t('explorer.status.items', { count: listing.data?.total ?? 0 })}
            {selection.length > 0 && ` · ${t('explorer.status.selected', { count: selection.length })}`}
          </span>
          {readOnly && <span>{t('explorer.status.readOnly')}</span>}
        </Flex>
      </>
    );
  }

  return (
    <div
      data-testid="explorer"
      data-path={path}
      style={{ position: 'relative', height: '100%', display: 'flex', flexDirection: 'column' }}
    >
      <ExplorerHeader
        name={name}
        folder={folders.folder}
        refreshing={listing.isFetching}
        onRefresh={() => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.folderContents(name) });
        }}
        onOpenOnHost={() => {
          api.openFolderOnHost(name).catch(showError);
        }}
        onClose={onClose}
      />
      {content}
      {dragging && folders.folder && (
        <DropOverlay target={path === '' ? name : `${name}/${path}`} readOnly={readOnly} />
      )}
      <ConflictModal conflicts={uploader.pending?.conflicts ?? null} onChoose={uploader.resolve} />
      {dialog?.kind === 'mkdir' && (
        <EntryNameModal
          title={t('explorer.mkdir.title')}
          label={t('explorer.mkdir.label')}
          help={t('explorer.mkdir.help')}
          submitText={t('explorer.mkdir.submit')}
          initial=""
          nested
          inputTestId="mkdir-input"
          submitTestId="mkdir-submit"
          onSubmit={(dirName) => actions.mkdir.mutateAsync(childPath(path, dirName))}
          onClosed={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'rename' && (
        <EntryNameModal
          title={t('explorer.rename.title', { name: dialog.entry.name })}
          label={t('explorer.rename.label')}
          submitText={t('explorer.rename.submit')}
          initial={dialog.entry.name}
          nested={false}
          inputTestId="rename-input"
          submitTestId="rename-submit"
          onSubmit={async (newName) => {
            await actions.rename.mutateAsync({
              from: childPath(path, dialog.entry.name),
              to: childPath(path, newName),
            });
            setSelected([]);
          }}
          onClosed={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'preview' && (
        <PreviewModal
          folder={name}
          path={childPath(path, dialog.entry.name)}
          entry={dialog.entry}
          readOnly={readOnly}
          onDownload={() => void download([dialog.entry])}
          onClosed={() => {
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}
