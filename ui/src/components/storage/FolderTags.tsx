import { LockOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FolderType, Permission, UsageMode } from '../../api';

const USAGE_COLORS: Record<UsageMode, string> = {
  general: 'blue',
  model: 'purple',
  data: 'cyan',
};

export function UsageModeTag({ mode }: { mode: UsageMode }) {
  const { t } = useTranslation();
  return (
    <Tag color={USAGE_COLORS[mode]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`storage.usageMode.${mode}`)}
    </Tag>
  );
}

export function PermissionTag({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={permission === 'ro' ? 'orange' : 'green'}
      icon={permission === 'ro' ? <LockOutlined /> : undefined}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`storage.permission.${permission}`)}
    </Tag>
  );
}

export function FolderTypeLabel({ type }: { type: FolderType }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {type === 'user' ? <UserOutlined /> : <TeamOutlined />} {t(`storage.type.${type}`)}
    </span>
  );
}
