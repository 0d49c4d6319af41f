import { Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../api';
import { fieldProblem } from './StepProblems';
import type { LauncherForm } from './launcherForm';
import { isPort } from './launcherForm';

interface StepProps {
  form: LauncherForm;
  update: (patch: Partial<LauncherForm>) => void;
  problems: Problem[];
}

export function NetworkStep({ form, update, problems }: StepProps) {
  const { t } = useTranslation();
  const [rejected, setRejected] = useState<string | null>(null);
  const problem = fieldProblem(problems, ['invalid_port']);
  const help =
    problem ?? (rejected !== null ? t('launcher.network.invalid', { value: rejected }) : undefined);
  return (
    <Form layout="vertical" requiredMark={false}>
      <Form.Item
        label={t('launcher.network.ports')}
        validateStatus={help !== undefined ? 'error' : undefined}
        help={help ?? t('launcher.network.help')}
      >
        <Select<string[]>
          mode="tags"
          data-testid="launcher-ports"
          value={form.ports.map(String)}
          tokenSeparators={[',', ' ']}
          placeholder={t('launcher.network.placeholder')}
          open={false}
          suffix={null}
          onChange={(values) => {
            const ports: number[] = [];
            let bad: string | null = null;
            for (const value of values) {
              const port = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
              if (isPort(port)) {
                if (!ports.includes(port)) ports.push(port);
              } else {
                bad = value;
              }
            }
            setRejected(bad);
            update({ ports });
          }}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('launcher.network.note')}
      </Typography.Paragraph>
    </Form>
  );
}
