import { CloudUploadOutlined, LockOutlined } from '@ant-design/icons';
import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown over the explorer while files are dragged onto the window. */
export function DropOverlay({ target, readOnly }: { target: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const color = readOnly ? token.colorWarning : token.colorPrimary;
  return (
    <Flex
      data-testid="drop-overlay"
      vertical
      align="center"
      justify="center"
      gap={8}
      style={{
        position: 'absolute',
        inset: 12,
        zIndex: 10,
        border: `2px dashed ${color}`,
        borderRadius: token.borderRadiusLG,
        background: readOnly ? token.colorWarningBg : token.colorPrimaryBg,
        opacity: 0.96,
        pointerEvents: 'none',
      }}
    >
      <span style={{ fontSize: 48, color }}>
        {readOnly ? <LockOutlined /> : <CloudUploadOutlined />}
      </span>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {readOnly ? t('explorer.drop.readOnly') : t('explorer.drop.title')}
      </Typography.Title>
      {!readOnly && (
        <Typography.Text type="secondary">{t('explorer.drop.target', { path: target })}</Typography.Text>
      )}
    </Flex>
  );
}
