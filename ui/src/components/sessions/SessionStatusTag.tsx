import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  LoadingOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { Session } from '../../api';
import { isTransitional } from './sessionStatus';

/**
 * A session's status as users see it everywhere: a spinner while it is on
 * its way, green when running, red with the reason when it failed.
 */
export function SessionStatusTag({
  session,
  testId,
}: {
  session: Pick<Session, 'status' | 'status_reason' | 'exit_code'>;
  testId?: string;
}) {
  const { status, status_reason: reason } = session;
  const tag = (() => {
    if (isTransitional(status)) {
      return (
        <Tag color="processing" icon={<LoadingOutlined spin />}>
          {status}
        </Tag>
      );
    }
    if (status === 'RUNNING') {
      return (
        <Tag color="success" icon={<CheckCircleOutlined />}>
          {status}
        </Tag>
      );
    }
    if (status === 'ERROR') {
      return (
        <Tag color="error" icon={<CloseCircleOutlined />}>
          {status}
        </Tag>
      );
    }
    return (
      <Tag color="default" icon={<MinusCircleOutlined />}>
        {status}
      </Tag>
    );
  })();
  const tooltip =
    status === 'ERROR' || (status === 'TERMINATED' && reason !== 'terminated') ? reason : null;
  return (
    <span data-testid={testId} data-status={status} style={{ whiteSpace: 'nowrap' }}>
      {tooltip ? <Tooltip title={tooltip}>{tag}</Tooltip> : tag}
    </span>
  );
}
