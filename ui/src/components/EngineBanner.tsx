import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineStatus } from '../hooks/useEngineStatus';

/**
 * Shown above every page while the engine is down, because nothing that
 * involves sessions can work until it is back.
 */
export function EngineBanner() {
  const { t } = useTranslation();
  const query = useEngineStatus();
  const { data, error } = query;
  // Only a user's retry spins the button; background polls stay silent.
  const [retrying, setRetrying] = useState(false);

  let endpoint: string | null = null;
  let problem: { code: string; message: string };
  let hint: string | null = null;
  if (error !== null) {
    problem = error;
  } else if (data?.state === 'unreachable') {
    endpoint = data.endpoint;
    problem = data.error;
    hint = data.hint;
  } else {
    return null;
  }

  return (
    <Alert
      data-testid="engine-banner"
      type="error"
      showIcon
      style={{ marginBottom: 24 }}
      title={error !== null ? t('engine.checkFailed') : t('engine.banner.title')}
      description={
        <Flex vertical gap={4}>
          {endpoint !== null && (
            <Typography.Text>
              {t('engine.banner.tried')}{' '}
              <Typography.Text code copyable={{ text: endpoint }}>
                {endpoint}
              </Typography.Text>
            </Typography.Text>
          )}
          <Typography.Text>{problem.message}</Typography.Text>
          {hint !== null && (
            // Hints from the backend may span several lines (one per platform).
            <Typography.Text type="secondary" style={{ whiteSpace: 'pre-line' }}>
              {hint}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('error.code', { code: problem.code })}
          </Typography.Text>
        </Flex>
      }
      action={
        <Button
          icon={<ReloadOutlined />}
          loading={retrying}
          onClick={() => {
            setRetrying(true);
            void query.refetch().finally(() => {
              setRetrying(false);
            });
          }}
        >
          {t('engine.banner.retry')}
        </Button>
      }
    />
  );
}
