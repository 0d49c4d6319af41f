import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../api';

interface ErrorAlertProps {
  title: ReactNode;
  error: ErrorPayload;
  action?: ReactNode;
  testId?: string;
}

/** How a failed backend call is shown: the message first, the code for bug reports. */
export function ErrorAlert({ title, error, action, testId }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title}
      action={action}
      description={
        <>
          <div>{error.message}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('error.code', { code: error.code })}
          </Typography.Text>
        </>
      }
    />
  );
}
