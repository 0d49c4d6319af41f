import { DownloadOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Input, Modal, Spin, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirEntry } from '../../api';
import { formatBytes, formatDateTime } from '../../format';
import { ErrorAlert } from '../ErrorAlert';
import { useModalLifecycle } from '../dialogs/useModalLifecycle';
import { useEntryActions, useTextFile } from './useFolderContents';

const MONOSPACE = "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace";

interface PreviewModalProps {
  folder: string;
  /** Folder-relative path of the file. */
  path: string;
  entry: DirEntry;
  readOnly: boolean;
  onDownload: () => void;
  onClosed: () => void;
}

/** Shows a text file, and lets the user edit it in a writable folder. */
export function PreviewModal({ folder, path, entry, readOnly, onDownload, onClosed }: PreviewModalProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { modal } = AntApp.useApp();
  const { close, modalProps } = useModalLifecycle(onClosed);
  const text = useTextFile(folder, path);
  const { writeText } = useEntryActions(folder);
  // `null` while viewing; the text being edited otherwise.
  const [draft, setDraft] = useState<string | null>(null);
  const dirty = draft !== null && draft !== text.data;

  const requestClose = () => {
    if (!dirty) {
      close();
      return;
    }
    modal.confirm({
      title: t('explorer.preview.discardTitle'),
      content: t('explorer.preview.discardBody'),
      okText: t('explorer.preview.discard'),
      okButtonProps: { danger: true },
      cancelText: t('explorer.preview.keepEditing'),
      onOk: close,
    });
  };

  const save = () => {
    if (draft === null) return;
    writeText.mutate(
      { path, content: draft },
      {
        onSuccess: () => {
          setDraft(null);
        },
      },
    );
  };

  const footer = (
    <Flex justify="space-between" align="center" gap={8}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatBytes(entry.size, i18n.language)} · {formatDateTime(entry.modified, i18n.language)}
      </Typography.Text>
      <Flex gap={8}>
        <Button icon={<DownloadOutlined />} onClick={onDownload}>
          {t('explorer.toolbar.download')}
        </Button>
        {draft === null ? (
          <>
            {!readOnly && text.isSuccess && (
              <Button
                icon={<EditOutlined />}
                data-testid="preview-edit"
                onClick={() => {
                  setDraft(text.data);
                }}
              >
                {t('explorer.preview.edit')}
              </Button>
            )}
            <Button type="primary" onClick={requestClose}>
              {t('common.close')}
            </Button>
          </>
        ) : (
          <>
            <Button
              onClick={() => {
                setDraft(null);
                writeText.reset();
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              data-testid="preview-save"
              loading={writeText.isPending}
              disabled={!dirty}
              onClick={save}
            >
              {t('explorer.preview.save')}
            </Button>
          </>
        )}
      </Flex>
    </Flex>
  );

  let body;
  if (text.isPending) {
    body = (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  } else if (text.isError) {
    body = (
      <Alert
        type="info"
        showIcon
        data-testid="preview-error"
        title={t('explorer.preview.unavailable')}
        description={text.error.message}
      />
    );
  } else if (draft === null) {
    body = (
      <pre
        data-testid="preview-text"
        style={{
          margin: 0,
          padding: 12,
          maxHeight: '60vh',
          overflow: 'auto',
          fontFamily: MONOSPACE,
          fontSize: 12.5,
          lineHeight: 1.55,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          background: token.colorFillQuaternary,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadius,
        }}
      >
        {text.data === '' ? (
          <Typography.Text type="secondary" italic>
            {t('explorer.preview.emptyFile')}
          </Typography.Text>
        ) : (
          text.data
        )}
      </pre>
    );
  } else {
    body = (
      <Input.TextArea
        autoFocus
        data-testid="preview-editor"
        value={draft}
        spellCheck={false}
        autoSize={{ minRows: 14, maxRows: 26 }}
        style={{ fontFamily: MONOSPACE, fontSize: 12.5, lineHeight: 1.55 }}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
      />
    );
  }

  return (
    <Modal
      {...modalProps}
      onCancel={requestClose}
      width={820}
      footer={footer}
      title={
        <Flex align="center" gap={8} style={{ minWidth: 0, paddingInlineEnd: 24 }}>
          <FileTextOutlined />
          <Typography.Text ellipsis style={{ fontWeight: 600 }}>
            {entry.name}
          </Typography.Text>
        </Flex>
      }
    >
      <div data-testid="preview">
        {body}
        {writeText.isError && (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert title={t('explorer.preview.saveFailed')} error={writeText.error} />
          </div>
        )}
      </div>
    </Modal>
  );
}
