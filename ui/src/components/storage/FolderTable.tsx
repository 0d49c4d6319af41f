import {
  DeleteOutlined,
  EditOutlined,
  FolderOpenOutlined,
  FolderOutlined,
  ReloadOutlined,
  RollbackOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import {
  App as AntApp,
  Badge,
  Button,
  Flex,
  Popconfirm,
  Table,
  Tooltip,
  Typography,
  theme,
  type TableColumnsType,
} from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Folder } from '../../api';
import { formatBytes, formatDate, formatDateTime } from '../../format';
import { useFolderActions } from '../../hooks/useFolders';
import { buttonTestId } from '../dialogs/testIds';
import { useFolderExplorer } from '../explorer/FolderExplorerContext';
import { automountTarget } from './AutomountNote';
import { FolderTypeLabel, PermissionTag, UsageModeTag } from './FolderTags';

interface FolderTableProps {
  folders: Folder[];
  trash: boolean;
  emptyText: ReactNode;
  onRename: (folder: Folder) => void;
  onPurge: (folder: Folder) => void;
}

function IconAction({
  title,
  testId,
  icon,
  danger,
  loading,
  onClick,
}: {
  title: string;
  testId: string;
  icon: ReactNode;
  danger?: boolean;
  loading?: boolean;
  onClick?: () => void;
}) {
  return (
    <Tooltip title={title}>
      <Button
        type="text"
        size="small"
        aria-label={title}
        data-testid={testId}
        icon={icon}
        danger={danger}
        loading={loading}
        onClick={onClick}
      />
    </Tooltip>
  );
}

function FolderName({ folder, trash }: { folder: Folder; trash: boolean }) {
  const { token } = theme.useToken();
  const explorer = useFolderExplorer();
  const icon = folder.automount ? (
    <ThunderboltOutlined style={{ color: token.colorWarning }} />
  ) : (
    <FolderOutlined style={{ color: token.colorPrimary }} />
  );
  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <span style={{ fontSize: 16, flex: 'none' }}>{icon}</span>
      <Flex vertical style={{ minWidth: 0 }}>
        {trash ? (
          <Typography.Text ellipsis={{ tooltip: folder.name }}>{folder.name}</Typography.Text>
        ) : (
          <Typography.Link
            strong
            ellipsis
            data-testid={`folder-open-${folder.name}`}
            onClick={() => {
              explorer.open(folder.name);
            }}
          >
            {folder.name}
          </Typography.Link>
        )}
        {folder.automount && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {automountTarget(folder.name)}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

function FolderSize({ folder }: { folder: Folder }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const { refreshSize } = useFolderActions();
  const busy = refreshSize.isPending && refreshSize.variables === folder.name;
  return (
    <Flex align="center" gap={4} justify="flex-end">
      <span style={{ whiteSpace: 'nowrap' }}>
        {folder.size_bytes === null ? '-' : formatBytes(folder.size_bytes, i18n.language)}
      </span>
      <IconAction
        title={t('storage.actions.refreshSize')}
        testId={`folder-size-refresh-${folder.name}`}
        icon={<ReloadOutlined style={{ fontSize: 12 }} />}
        loading={busy}
        onClick={() => {
          refreshSize.mutate(folder.name, {
            onError: (error) => void message.error(error.message),
          });
        }}
      />
    </Flex>
  );
}

export function FolderTable({ folders, trash, emptyText, onRename, onPurge }: FolderTableProps) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const explorer = useFolderExplorer();
  const actions = useFolderActions();
  const locale = i18n.language;

  // A refusal (say, a session still mounts the folder) is shown, not swallowed.
  const moveToTrash = (folder: Folder) => {
    actions.trash.mutate(folder.name, {
      onSuccess: () => void message.success(t('storage.trash.done', { name: folder.name })),
      onError: (error) => void message.error(error.message),
    });
  };
  const restore = (folder: Folder) => {
    actions.restore.mutate(folder.name, {
      onSuccess: () => void message.success(t('storage.restore.done', { name: folder.name })),
      onError: (error) => void message.error(error.message),
    });
  };

  const columns: TableColumnsType<Folder> = [
    {
      key: 'name',
      title: t('storage.columns.name'),
      sorter: (a, b) => a.name.localeCompare(b.name),
      defaultSortOrder: 'ascend',
      render: (_, folder) => <FolderName folder={folder} trash={trash} />,
    },
    {
      key: 'usage',
      title: t('storage.columns.usageMode'),
      width: 100,
      sorter: (a, b) => a.usage_mode.localeCompare(b.usage_mode),
      render: (_, folder) => <UsageModeTag mode={folder.usage_mode} />,
    },
    {
      key: 'host',
      title: t('storage.columns.host'),
      dataIndex: 'host',
      width: 80,
      ellipsis: true,
    },
    {
      key: 'permission',
      title: t('storage.columns.permission'),
      width: 116,
      render: (_, folder) => <PermissionTag permission={folder.permission} />,
    },
    {
      key: 'type',
      title: t('storage.columns.type'),
      width: 96,
      render: (_, folder) => <FolderTypeLabel type={folder.type} />,
    },
    {
      key: 'size',
      title: t('storage.columns.size'),
      width: 108,
      align: 'right',
      sorter: (a, b) => (a.size_bytes ?? -1) - (b.size_bytes ?? -1),
      render: (_, folder) => <FolderSize folder={folder} />,
    },
    {
      key: 'created',
      title: t('storage.columns.created'),
      width: 116,
      sorter: (a, b) => a.created_at.localeCompare(b.created_at),
      render: (_, folder) => (
        <Tooltip title={formatDateTime(folder.created_at, locale)}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatDate(folder.created_at, locale)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'status',
      title: t('storage.columns.status'),
      width: 92,
      render: (_, folder) =>
        folder.status === 'trashed' ? (
          <Tooltip
            title={
              folder.trashed_at &&
              t('storage.status.trashedAt', { date: formatDateTime(folder.trashed_at, locale) })
            }
          >
            <Badge status="default" text={t('storage.status.trashed')} style={{ whiteSpace: 'nowrap' }} />
          </Tooltip>
        ) : (
          <Badge status="success" text={t('storage.status.ready')} style={{ whiteSpace: 'nowrap' }} />
        ),
    },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('storage.columns.actions')}</span>,
      width: 96,
      align: 'right',
      render: (_, folder) =>
        trash ? (
          <Flex gap={2} justify="flex-end">
            <IconAction
              title={t('storage.actions.restore')}
              testId={`folder-restore-${folder.name}`}
              icon={<RollbackOutlined />}
              loading={actions.restore.isPending && actions.restore.variables === folder.name}
              onClick={() => {
                restore(folder);
              }}
            />
            <IconAction
              title={t('storage.actions.purge')}
              testId={`folder-purge-${folder.name}`}
              icon={<DeleteOutlined />}
              danger
              onClick={() => {
                onPurge(folder);
              }}
            />
          </Flex>
        ) : (
          <Flex gap={2} justify="flex-end">
            <IconAction
              title={t('storage.actions.open')}
              testId={`folder-explore-${folder.name}`}
              icon={<FolderOpenOutlined />}
              onClick={() => {
                explorer.open(folder.name);
              }}
            />
            <IconAction
              title={t('storage.actions.rename')}
              testId={`folder-rename-${folder.name}`}
              icon={<EditOutlined />}
              onClick={() => {
                onRename(folder);
              }}
            />
            <Popconfirm
              title={t('storage.trash.confirmTitle', { name: folder.name })}
              description={t('storage.trash.confirmBody')}
              okText={t('storage.actions.trash')}
              okButtonProps={{ ...buttonTestId('confirm-ok'), danger: true }}
              cancelText={t('common.cancel')}
              placement="topRight"
              destroyOnHidden
              onConfirm={() => {
                moveToTrash(folder);
              }}
            >
              {/* Popconfirm needs a child that takes a ref, so no tooltip wrapper here. */}
              <Button
                type="text"
                size="small"
                danger
                aria-label={t('storage.actions.trash')}
                title={t('storage.actions.trash')}
                data-testid={`folder-trash-${folder.name}`}
                icon={<DeleteOutlined />}
                loading={actions.trash.isPending && actions.trash.variables === folder.name}
              />
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <Table<Folder>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={folders}
      tableLayout="fixed"
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText }}
      onRow={(folder) =>
        ({ 'data-testid': `folder-row-${folder.name}` }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
