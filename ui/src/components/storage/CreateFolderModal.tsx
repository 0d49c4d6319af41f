import { App as AntApp, Flex, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Folder, FolderType, Permission, UsageMode } from '../../api';
import { useFolderActions } from '../../hooks/useFolders';
import { useFolderNameCheck } from '../../hooks/useFolderNameCheck';
import { useCurrentProject } from '../../hooks/useProjects';
import { useStorageHosts } from '../../hooks/useStorageHosts';
import { ErrorAlert } from '../ErrorAlert';
import { buttonTestId } from '../dialogs/testIds';
import { useModalLifecycle } from '../dialogs/useModalLifecycle';
import { AutomountNote } from './AutomountNote';
import { FolderNameField } from './FolderNameField';

const USAGE_MODES: UsageMode[] = ['general', 'model', 'data'];
const DEFAULT_HOST = 'local';

interface CreateFolderModalProps {
  onCreated: (folder: Folder) => void;
  onClosed: () => void;
}

/** Mount it to open the dialog; it calls `onClosed` once it has closed. */
export function CreateFolderModal({ onCreated, onClosed }: CreateFolderModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { close, modalProps } = useModalLifecycle(onClosed);
  const hosts = useStorageHosts();
  const project = useCurrentProject();
  const { create } = useFolderActions();

  const [name, setName] = useState('');
  const [usageMode, setUsageMode] = useState<UsageMode>('general');
  const [chosenHost, setHost] = useState<string | null>(null);
  const [permission, setPermission] = useState<Permission>('rw');
  const [type, setType] = useState<FolderType>('user');
  const check = useFolderNameCheck(name);

  const hostNames = hosts.data?.map((host) => host.name) ?? [];
  const host =
    chosenHost ?? (hostNames.includes(DEFAULT_HOST) ? DEFAULT_HOST : (hostNames[0] ?? null));
  const canSubmit = check.state === 'valid' && !create.isPending;

  const submit = () => {
    if (!canSubmit) return;
    create.mutate(
      { name, options: { host, usage_mode: usageMode, permission, type } },
      {
        onSuccess: (folder) => {
          void message.success(t('storage.create.created', { name: folder.name }));
          onCreated(folder);
          close();
        },
      },
    );
  };

  return (
    <Modal
      {...modalProps}
      title={t('storage.create.title')}
      okText={t('storage.create.submit')}
      onOk={submit}
      okButtonProps={{ ...buttonTestId('folder-create-submit'), disabled: !canSubmit }}
      confirmLoading={create.isPending}
      width={560}
    >
      <Form layout="vertical" requiredMark={false} style={{ marginTop: 16 }}>
        <FolderNameField
          label={t('storage.create.name')}
          value={name}
          check={check}
          inputTestId="folder-name-input"
          onChange={(value) => {
            setName(value);
            create.reset();
          }}
          onSubmit={submit}
        />
        {name.startsWith('.') && (
          <div style={{ margin: '4px 0 24px' }}>
            <AutomountNote name={name} />
          </div>
        )}
        <Flex gap={24} wrap>
          <Form.Item label={t('storage.create.usageMode')} style={{ flex: 'none' }}>
            <Radio.Group
              data-testid="folder-usage-mode"
              optionType="button"
              value={usageMode}
              onChange={(event) => {
                setUsageMode(event.target.value as UsageMode);
              }}
              options={USAGE_MODES.map((mode) => ({
                value: mode,
                label: t(`storage.usageMode.${mode}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('storage.create.host')} style={{ flex: 1, minWidth: 180 }}>
            <Select
              data-testid="folder-host-select"
              value={host}
              loading={hosts.isPending}
              onChange={setHost}
              options={hostNames.map((hostName) => ({ value: hostName, label: hostName }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item label={t('storage.create.permission')}>
          <Radio.Group
            data-testid="folder-permission"
            value={permission}
            onChange={(event) => {
              setPermission(event.target.value as Permission);
            }}
            options={[
              { value: 'rw', label: t('storage.permission.rw') },
              { value: 'ro', label: t('storage.permission.ro') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('storage.create.type')}
          help={
            type === 'user'
              ? t('storage.create.typeHelp.user')
              : t('storage.create.typeHelp.project', { project: project.data?.name ?? '' })
          }
        >
          <Radio.Group
            data-testid="folder-type"
            value={type}
            onChange={(event) => {
              setType(event.target.value as FolderType);
            }}
            options={[
              { value: 'user', label: t('storage.type.user') },
              { value: 'project', label: t('storage.type.project') },
            ]}
          />
        </Form.Item>
        {create.isError && <ErrorAlert title={t('storage.create.failed')} error={create.error} />}
      </Form>
    </Modal>
  );
}
