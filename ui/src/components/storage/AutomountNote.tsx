import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where an automount folder appears in every session; `.linuxbrew` is the one exception. */
export function automountTarget(name: string): string {
  return name === '.linuxbrew' ? '/home/linuxbrew/.linuxbrew' : `/home/work/${name}`;
}

export function AutomountNote({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="automount-note"
      title={
        <>
          <strong>{t('storage.create.automount.title')}</strong>{' '}
          {t('storage.create.automount.body', { path: automountTarget(name) })}{' '}
          {name === '.linuxbrew'
            ? t('storage.create.automount.linuxbrew')
            : t('storage.create.automount.other')}
        </>
      }
    />
  );
}
