import { LockOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** How a folder is mounted: read only (with a lock) or read and write. */
export function MountAccessTag({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  return readOnly ? (
    <Tag icon={<LockOutlined />} color="orange">
      {t('storage.permission.ro')}
    </Tag>
  ) : (
    <Tag color="green">{t('storage.permission.rw')}</Tag>
  );
}
