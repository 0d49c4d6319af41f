import { ThunderboltOutlined } from '@ant-design/icons';
import { Descriptions, Flex, Spin, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaunchCheck, Problem } from '../../api';
import { StepProblems } from './StepProblems';
import type { LauncherForm } from './launcherForm';
import { MountAccessTag } from '../sessions/MountAccessTag';

interface StepProps {
  form: LauncherForm;
  check: LaunchCheck | undefined;
  checking: boolean;
  problems: Problem[];
}

export function ConfirmStep({ form, check, checking, problems }: StepProps) {
  const { t } = useTranslation();
  const mounts = check?.mounts ?? [];
  return (
    <Flex vertical gap={16} data-testid="launcher-summary">
      <StepProblems problems={problems} testId="launcher-problems" />
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          {
            key: 'name',
            label: t('sessions.columns.name'),
            children: check?.name !== undefined && check.name !== '' ? check.name : form.name || '—',
          },
          { key: 'type', label: t('sessions.detail.type'), children: t(`sessions.type.${form.type}`) },
          {
            key: 'image',
            label: t('sessions.columns.image'),
            children: <Typography.Text code>{form.image || '—'}</Typography.Text>,
          },
          {
            key: 'resources',
            label: t('sessions.columns.resources'),
            children: t('sessions.resources', { cpus: form.cpus, memory: `${form.memoryGib} GiB` }),
          },
          ...(form.type === 'batch'
            ? [
                {
                  key: 'command',
                  label: t('sessions.detail.command'),
                  span: 2,
                  children: <Typography.Text code>{form.command.trim() || '—'}</Typography.Text>,
                },
              ]
            : []),
          {
            key: 'ports',
            label: t('sessions.detail.ports'),
            span: 2,
            children: form.ports.length > 0 ? form.ports.join(', ') : t('launcher.confirm.noPorts'),
          },
          // Only a relaunch carries variables, and no step shows them: this is
          // the one place. Names only, since values are often secrets.
          ...(form.env.length > 0
            ? [
                {
                  key: 'env',
                  label: t('sessions.relaunch.env'),
                  span: 2,
                  children: (
                    <Flex gap={4} wrap data-testid="launcher-summary-env">
                      {form.env.map(([key], index) => (
                        <Tag key={index}>{key}</Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <div>
        <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('launcher.confirm.mounts')}</Typography.Text>
          {checking && <Spin size="small" />}
        </Flex>
        <Table
          rowKey="folder_id"
          size="small"
          pagination={false}
          dataSource={mounts}
          locale={{ emptyText: t('launcher.confirm.noMounts') }}
          onRow={(mount) =>
            ({ 'data-testid': `launcher-summary-mount-${mount.folder_name}` }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'folder',
              title: t('sessions.mounts.folder'),
              render: (_, mount) => (
                <span>
                  {mount.automount && <ThunderboltOutlined />} {mount.folder_name}
                </span>
              ),
            },
            {
              key: 'target',
              title: t('sessions.mounts.target'),
              render: (_, mount) => <Typography.Text code>{mount.target}</Typography.Text>,
            },
            {
              key: 'access',
              title: t('sessions.mounts.access'),
              width: 140,
              render: (_, mount) => <MountAccessTag readOnly={mount.read_only} />,
            },
          ]}
        />
      </div>
    </Flex>
  );
}
