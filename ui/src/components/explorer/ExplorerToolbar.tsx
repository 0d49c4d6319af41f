import {
  CloudUploadOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  ExportOutlined,
  FolderAddOutlined,
  FolderOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Button, Divider, Flex, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../dialogs/testIds';

interface ExplorerToolbarProps {
  readOnly: boolean;
  selectedCount: number;
  refreshing: boolean;
  deleting: boolean;
  onUploadFiles: () => void;
  onUploadFolder: () => void;
  onMkdir: () => void;
  onDownload: () => void;
  onRename: () => void;
  onDelete: () => void;
  onRefresh: () => void;
  onOpenOnHost: () => void;
}

/** Actions on the current directory and the selection; a read-only folder gets no mutating ones. */
export function ExplorerToolbar({
  readOnly,
  selectedCount,
  refreshing,
  deleting,
  onUploadFiles,
  onUploadFolder,
  onMkdir,
  onDownload,
  onRename,
  onDelete,
  onRefresh,
  onOpenOnHost,
}: ExplorerToolbarProps) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8} wrap>
      {!readOnly && (
        <>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            data-testid="explorer-upload-files"
            onClick={onUploadFiles}
          >
            {t('explorer.toolbar.uploadFiles')}
          </Button>
          <Button icon={<FolderOutlined />} data-testid="explorer-upload-folder" onClick={onUploadFolder}>
            {t('explorer.toolbar.uploadFolder')}
          </Button>
          <Button icon={<FolderAddOutlined />} data-testid="explorer-mkdir" onClick={onMkdir}>
            {t('explorer.toolbar.mkdir')}
          </Button>
          <Divider orientation="vertical" style={{ marginInline: 4 }} />
        </>
      )}
      <Button
        icon={<DownloadOutlined />}
        data-testid="explorer-download"
        disabled={selectedCount === 0}
        onClick={onDownload}
      >
        {t('explorer.toolbar.download')}
      </Button>
      {!readOnly && (
        <>
          <Button
            icon={<EditOutlined />}
            data-testid="explorer-rename"
            disabled={selectedCount !== 1}
            onClick={onRename}
          >
            {t('explorer.toolbar.rename')}
          </Button>
          <Popconfirm
            title={t('explorer.delete.title', { count: selectedCount })}
            description={t('explorer.delete.body')}
            okText={t('explorer.toolbar.delete')}
            okButtonProps={{ ...buttonTestId('confirm-ok'), danger: true }}
            cancelText={t('common.cancel')}
            destroyOnHidden
            disabled={selectedCount === 0}
            onConfirm={onDelete}
          >
            <Button
              danger
              icon={<DeleteOutlined />}
              data-testid="explorer-delete"
              loading={deleting}
              disabled={selectedCount === 0}
            >
              {t('explorer.toolbar.delete')}
            </Button>
          </Popconfirm>
        </>
      )}
      <div style={{ flex: 1 }} />
      <Tooltip title={t('explorer.toolbar.refresh')}>
        <Button
          type="text"
          aria-label={t('explorer.toolbar.refresh')}
          icon={<ReloadOutlined spin={refreshing} />}
          data-testid="explorer-refresh"
          onClick={onRefresh}
        />
      </Tooltip>
      <Tooltip title={t('explorer.toolbar.openOnHost')}>
        <Button
          type="text"
          aria-label={t('explorer.toolbar.openOnHost')}
          icon={<ExportOutlined />}
          data-testid="explorer-open-host"
          onClick={onOpenOnHost}
        />
      </Tooltip>
    </Flex>
  );
}
