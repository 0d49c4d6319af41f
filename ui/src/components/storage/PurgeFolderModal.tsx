import { App as AntApp, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Folder } from '../../api';
import { useFolderActions } from '../../hooks/useFolders';
import { ErrorAlert } from '../ErrorAlert';
import { buttonTestId } from '../dialogs/testIds';
import { useModalLifecycle } from '../dialogs/useModalLifecycle';

/** Deleting a folder's data for good: the user types its name to confirm. */
export function PurgeFolderModal({ folder, onClosed }: { folder: Folder; onClosed: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { close, modalProps } = useModalLifecycle(onClosed);
  const { purge } = useFolderActions();
  const [typed, setTyped] = useState('');
  const matches = typed === folder.name;

  const submit = () => {
    if (!matches || purge.isPending) return;
    purge.mutate(
      { name: folder.name, confirm: typed },
      {
        onSuccess: () => {
          void message.success(t('storage.purge.done', { name: folder.name }));
          close();
        },
      },
    );
  };

  return (
    <Modal
      {...modalProps}
      title={t('storage.purge.title')}
      okText={t('storage.purge.submit')}
      okType="danger"
      onOk={submit}
      okButtonProps={{ ...buttonTestId('purge-submit'), disabled: !matches, type: 'primary' }}
      confirmLoading={purge.isPending}
    >
      <Typography.Paragraph>
        <Trans
          i18nKey="storage.purge.body"
          values={{ name: folder.name }}
          components={{ name: <Typography.Text code /> }}
        />
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('storage.purge.prompt')}</Typography.Paragraph>
      <Input
        autoFocus
        value={typed}
        placeholder={folder.name}
        spellCheck={false}
        autoComplete="off"
        status={typed !== '' && !matches ? 'warning' : undefined}
        data-testid="purge-confirm-input"
        onChange={(event) => {
          setTyped(event.target.value);
          purge.reset();
        }}
        onPressEnter={submit}
      />
      {purge.isError && (
        <div style={{ marginTop: 16 }}>
          <ErrorAlert title={t('storage.purge.failed')} error={purge.error} />
        </div>
      )}
    </Modal>
  );
}
