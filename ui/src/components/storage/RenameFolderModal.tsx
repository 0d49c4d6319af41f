import { App as AntApp, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Folder } from '../../api';
import { useFolderActions } from '../../hooks/useFolders';
import { useFolderNameCheck } from '../../hooks/useFolderNameCheck';
import { ErrorAlert } from '../ErrorAlert';
import { buttonTestId } from '../dialogs/testIds';
import { useModalLifecycle } from '../dialogs/useModalLifecycle';
import { AutomountNote } from './AutomountNote';
import { FolderNameField } from './FolderNameField';

export function RenameFolderModal({ folder, onClosed }: { folder: Folder; onClosed: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { close, modalProps } = useModalLifecycle(onClosed);
  const { rename } = useFolderActions();
  const [name, setName] = useState(folder.name);
  const check = useFolderNameCheck(name, folder.name);
  const canSubmit = check.state === 'valid' && !rename.isPending;

  const submit = () => {
    if (!canSubmit) return;
    rename.mutate(
      { name: folder.name, newName: name },
      {
        onSuccess: (renamed) => {
          void message.success(t('storage.rename.done', { from: folder.name, to: renamed.name }));
          close();
        },
      },
    );
  };

  return (
    <Modal
      {...modalProps}
      title={t('storage.rename.title', { name: folder.name })}
      okText={t('storage.rename.submit')}
      onOk={submit}
      okButtonProps={{ ...buttonTestId('rename-submit'), disabled: !canSubmit }}
      confirmLoading={rename.isPending}
    >
      <Form layout="vertical" requiredMark={false} style={{ marginTop: 16 }}>
        <FolderNameField
          label={t('storage.rename.newName')}
          value={name}
          check={check}
          inputTestId="rename-input"
          onChange={(value) => {
            setName(value);
            rename.reset();
          }}
          onSubmit={submit}
        />
        {/* A leading dot turns it into an automount folder: say what that means. */}
        {name.startsWith('.') && !folder.automount && (
          <div style={{ margin: '4px 0 24px' }}>
            <AutomountNote name={name} />
          </div>
        )}
        {rename.isError && <ErrorAlert title={t('storage.rename.failed')} error={rename.error} />}
      </Form>
    </Modal>
  );
}
