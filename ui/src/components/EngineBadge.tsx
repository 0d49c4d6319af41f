import { CheckCircleFilled, CloseCircleFilled, SyncOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../api';
import { formatBytes } from '../format';
import { engineStateOf, useEngineStatus } from '../hooks/useEngineStatus';

function DetailRows({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <table style={{ borderSpacing: '12px 2px', margin: '0 -12px' }}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th style={{ textAlign: 'start', fontWeight: 500, opacity: 0.75 }}>{label}</th>
            <td style={{ wordBreak: 'break-all' }}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConnectedDetails({ info }: { info: EngineInfo }) {
  const { t, i18n } = useTranslation();
  return (
    <DetailRows
      rows={[
        [t('engine.details.endpoint'), info.endpoint],
        [t('engine.details.engine'), `${info.name} ${info.version} (API ${info.api_version})`],
        [t('engine.details.os'), `${info.os} · ${info.kernel_version}`],
        [t('engine.details.cpus'), info.cpus],
        [t('engine.details.memory'), formatBytes(info.memory_bytes, i18n.language)],
      ]}
    />
  );
}

/** Header indicator of the Docker engine; the banner carries the details when it is down. */
export function EngineBadge() {
  const { t } = useTranslation();
  const query = useEngineStatus();
  const state = engineStateOf(query);
  const status = query.data;

  let color: string;
  let icon: ReactNode;
  let label: string;
  let tooltip: ReactNode;
  if (state === 'loading') {
    color = 'default';
    icon = <SyncOutlined spin />;
    label = t('engine.checking');
    tooltip = null;
  } else if (status?.state === 'connected' && !query.isError) {
    color = 'success';
    icon = <CheckCircleFilled />;
    label = t('engine.connected', { version: status.info.version });
    tooltip = <ConnectedDetails info={status.info} />;
  } else {
    color = 'error';
    icon = <CloseCircleFilled />;
    label = t('engine.unreachable');
    tooltip =
      status?.state === 'unreachable' ? (
        <DetailRows rows={[[t('engine.details.endpoint'), status.endpoint]]} />
      ) : (
        query.error?.message
      );
  }

  return (
    <Tooltip title={tooltip} placement="bottomRight">
      <span data-testid="engine-badge" data-state={state} aria-live="polite">
        <Tag color={color} icon={icon} style={{ marginInlineEnd: 0, paddingBlock: 2 }}>
          {label}
        </Tag>
      </span>
    </Tooltip>
  );
}
