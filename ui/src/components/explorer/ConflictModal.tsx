import { ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Flex, Modal, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConflictPolicy } from '../../api';

const SHOWN = 8;

interface ConflictModalProps {
  /** Names already taken in the destination; the dialog is open while there are some. */
  conflicts: string[] | null;
  onChoose: (policy: ConflictPolicy | null) => void;
}

export function ConflictModal({ conflicts, onChoose }: ConflictModalProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const names = conflicts ?? [];
  return (
    <Modal
      open={conflicts !== null}
      title={
        <Flex align="center" gap={8}>
          <ExclamationCircleFilled style={{ color: token.colorWarning }} />
          {t('explorer.conflict.title', { count: names.length })}
        </Flex>
      }
      onCancel={() => {
        onChoose(null);
      }}
      destroyOnHidden
      width={520}
      footer={
        <Flex justify="space-between" gap={8} wrap>
          <Button
            onClick={() => {
              onChoose(null);
            }}
          >
            {t('common.cancel')}
          </Button>
          <Flex gap={8}>
            <Button
              data-testid="conflict-skip"
              onClick={() => {
                onChoose('skip');
              }}
            >
              {t('explorer.conflict.skip')}
            </Button>
            <Button
              data-testid="conflict-rename"
              onClick={() => {
                onChoose('rename');
              }}
            >
              {t('explorer.conflict.rename')}
            </Button>
            <Button
              type="primary"
              danger
              data-testid="conflict-overwrite"
              onClick={() => {
                onChoose('overwrite');
              }}
            >
              {t('explorer.conflict.overwrite')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <div data-testid="conflict-prompt">
        <Typography.Paragraph>{t('explorer.conflict.body')}</Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20, margin: 0 }}>
          {names.slice(0, SHOWN).map((name) => (
            <li key={name}>
              <Typography.Text code>{name}</Typography.Text>
            </li>
          ))}
        </ul>
        {names.length > SHOWN && (
          <Typography.Text type="secondary">
            {t('explorer.conflict.more', { count: names.length - SHOWN })}
          </Typography.Text>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('explorer.conflict.explain')}
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
