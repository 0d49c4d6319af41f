import {
  CloudUploadOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  FolderAddOutlined,
  FolderOutlined,
} from '@ant-design/icons';
import { Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../dialogs/testIds';

interface ExplorerToolbarProps {
  readOnly: boolean;
  selectedCount: number;
  deleting: boolean;
  onUploadFiles: () => void;
  onUploadFolder: () => void;
  onMkdir: () => void;
  onDownload: () => void;
  onRename: () => void;
  onDelete: () => void;
}

/** Actions on the current directory and the selection; a read-only folder gets no mutating ones. */
export function ExplorerToolbar({
  readOnly,
  selectedCount,
  deleting,
  onUploadFiles,
  onUploadFolder,
  onMkdir,
  onDownload,
  onRename,
  onDelete,
}: ExplorerToolbarProps) {
  const { t } = useTranslation();
  return (
    // Two groups that wrap as wholes, so a long language splits the bar
    // between "add" and "act on the selection", never inside either.
    <Flex align="center" justify="space-between" gap={8} wrap>
      {!readOnly && (
        <Flex gap={8}>
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
        </Flex>
      )}
      <Flex gap={8}>
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
      </Flex>
    </Flex>
  );
}
