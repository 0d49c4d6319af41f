import { FolderOutlined, PlusOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Flex,
  Input,
  Switch,
  Table,
  Tooltip,
  Typography,
  theme,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Folder, PlannedMount, Problem } from '../../api';
import { useFolders } from '../../hooks/useFolders';
import { ErrorAlert } from '../ErrorAlert';
import { useFolderExplorer } from '../explorer/FolderExplorerContext';
import { automountTarget } from '../storage/AutomountNote';
import { CreateFolderModal } from '../storage/CreateFolderModal';
import { PermissionTag, UsageModeTag } from '../storage/FolderTags';
import { StepProblems } from './StepProblems';
import type { LauncherForm, MountChoice } from './launcherForm';

interface StepProps {
  form: LauncherForm;
  update: (patch: Partial<LauncherForm>) => void;
  problems: Problem[];
  plannedMounts: PlannedMount[] | undefined;
}

const DEFAULT_CHOICE: MountChoice = { alias: '', readOnly: false };

export function StorageStep({ form, update, problems, plannedMounts }: StepProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const explorer = useFolderExplorer();
  const folders = useFolders(false);
  const [creating, setCreating] = useState(false);

  const all = folders.data ?? [];
  const selectable = all.filter((folder) => !folder.automount);
  const selected = selectable.filter((folder) => folder.name in form.mounts);
  const automount: { name: string; target: string }[] =
    plannedMounts?.some((mount) => mount.automount) === true
      ? plannedMounts
          .filter((mount) => mount.automount)
          .map((mount) => ({ name: mount.folder_name, target: mount.target }))
      : all
          .filter((folder) => folder.automount)
          .map((folder) => ({ name: folder.name, target: automountTarget(folder.name) }));

  const setMounts = (names: string[]) => {
    const mounts: Record<string, MountChoice> = {};
    for (const name of names) mounts[name] = form.mounts[name] ?? DEFAULT_CHOICE;
    update({ mounts });
  };
  const setChoice = (name: string, patch: Partial<MountChoice>) => {
    update({ mounts: { ...form.mounts, [name]: { ...(form.mounts[name] ?? DEFAULT_CHOICE), ...patch } } });
  };
  const problemsOf = (name: string) => problems.filter((problem) => problem.folders.includes(name));

  const columns: TableColumnsType<Folder> = [
    {
      key: 'name',
      title: t('storage.columns.name'),
      render: (_, folder) => (
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <FolderOutlined style={{ color: token.colorPrimary, flex: 'none' }} />
          <Typography.Link
            ellipsis
            data-testid={`launcher-folder-open-${folder.name}`}
            onClick={() => {
              explorer.open(folder.name);
            }}
          >
            {folder.name}
          </Typography.Link>
        </Flex>
      ),
    },
    {
      key: 'usage',
      title: t('storage.columns.usageMode'),
      width: 92,
      render: (_, folder) => <UsageModeTag mode={folder.usage_mode} />,
    },
    { key: 'host', title: t('storage.columns.host'), dataIndex: 'host', width: 76, ellipsis: true },
    {
      key: 'permission',
      title: t('storage.columns.permission'),
      width: 116,
      render: (_, folder) => <PermissionTag permission={folder.permission} />,
    },
    {
      key: 'alias',
      title: t('launcher.storage.alias'),
      width: 250,
      render: (_, folder) => {
        const choice = form.mounts[folder.name];
        if (!choice) return <Typography.Text type="secondary">—</Typography.Text>;
        const rowProblems = problemsOf(folder.name);
        return (
          <Flex vertical gap={2}>
            <Input
              size="small"
              data-testid={`launcher-alias-${folder.name}`}
              value={choice.alias}
              placeholder={`/home/work/${folder.name}`}
              status={rowProblems.length > 0 ? 'error' : undefined}
              onChange={(event) => {
                setChoice(folder.name, { alias: event.target.value });
              }}
            />
            {rowProblems.map((problem, i) => (
              <Typography.Text
                key={i}
                type="danger"
                data-testid={`launcher-problem-${folder.name}`}
                data-code={problem.code}
                style={{ fontSize: 12, lineHeight: 1.4 }}
              >
                {problem.message}
              </Typography.Text>
            ))}
          </Flex>
        );
      },
    },
    {
      key: 'readOnly',
      title: t('launcher.storage.readOnly'),
      width: 96,
      align: 'center',
      render: (_, folder) => {
        const choice = form.mounts[folder.name];
        const forced = folder.permission === 'ro';
        return (
          <Tooltip title={forced ? t('launcher.storage.alwaysReadOnly') : undefined}>
            <Switch
              size="small"
              data-testid={`launcher-readonly-${folder.name}`}
              aria-label={t('launcher.storage.readOnly')}
              checked={forced || (choice?.readOnly ?? false)}
              disabled={!choice || forced}
              onChange={(readOnly) => {
                setChoice(folder.name, { readOnly });
              }}
            />
          </Tooltip>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12}>
        <Typography.Text type="secondary">{t('launcher.storage.intro')}</Typography.Text>
        <Flex gap={4} style={{ flex: 'none' }}>
          <Tooltip title={t('storage.folders.refresh')}>
            <Button
              aria-label={t('storage.folders.refresh')}
              icon={<ReloadOutlined />}
              loading={folders.isFetching}
              onClick={() => void folders.refetch()}
            />
          </Tooltip>
          <Tooltip title={t('storage.create.button')}>
            <Button
              data-testid="launcher-create-folder"
              aria-label={t('storage.create.button')}
              icon={<PlusOutlined />}
              onClick={() => {
                setCreating(true);
              }}
            />
          </Tooltip>
        </Flex>
      </Flex>
      {folders.isError && <ErrorAlert title={t('storage.folders.title')} error={folders.error} />}
      <StepProblems
        problems={problems.filter((problem) => problem.folders.length > 0 || problem.code.startsWith('alias'))}
        testId="launcher-storage-problems"
      />
      <Table<Folder>
        rowKey="name"
        size="small"
        columns={columns}
        dataSource={selectable}
        loading={folders.isPending}
        tableLayout="fixed"
        pagination={false}
        scroll={{ y: 260 }}
        locale={{ emptyText: t('launcher.storage.noFolders') }}
        rowSelection={{
          selectedRowKeys: selected.map((folder) => folder.name),
          onChange: (keys) => {
            setMounts(keys.map(String));
          },
          getCheckboxProps: (folder) => ({
            'data-testid': `launcher-folder-select-${folder.name}`,
            'aria-label': folder.name,
          }),
        }}
        onRow={(folder) =>
          ({ 'data-testid': `launcher-folder-row-${folder.name}` }) as HTMLAttributes<HTMLElement>
        }
      />
      {automount.length > 0 && (
        <Flex vertical gap={4} data-testid="launcher-automount">
          {automount.map(({ name, target }) => (
            <Typography.Text key={name} type="secondary" style={{ fontSize: 13 }}>
              <ThunderboltOutlined style={{ color: token.colorWarning }} />{' '}
              {t('launcher.storage.automount', { name, target })}
            </Typography.Text>
          ))}
        </Flex>
      )}
      {selected.length === 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="launcher-no-mounts"
          title={t('launcher.storage.noMountsTitle')}
          description={t('launcher.storage.noMountsBody')}
        />
      )}
      {creating && (
        <CreateFolderModal
          onCreated={(folder) => {
            if (!folder.automount) setChoice(folder.name, {});
          }}
          onClosed={() => {
            setCreating(false);
          }}
        />
      )}
    </Flex>
  );
}
