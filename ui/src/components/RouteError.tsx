import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { toApiError } from '../api';

/** Last-resort screen for a render crash, so the window never goes blank. */
export function RouteError() {
  const { t } = useTranslation();
  const error = toApiError(useRouteError());
  return (
    <Result
      status="error"
      title={t('crash.title')}
      subTitle={error.message}
      extra={
        <Button
          type="primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('crash.reload')}
        </Button>
      }
    />
  );
}
