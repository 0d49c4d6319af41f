import { CodeOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Flex, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Problem, SessionType } from '../../api';
import { fieldProblem } from './StepProblems';
import type { LauncherForm } from './launcherForm';

interface StepProps {
  form: LauncherForm;
  update: (patch: Partial<LauncherForm>) => void;
  problems: Problem[];
  generatedName: string | undefined;
}

export function SessionTypeStep({ form, update, problems, generatedName }: StepProps) {
  const { t } = useTranslation();
  const nameProblem = fieldProblem(problems, ['invalid_session_name']);
  const commandProblem = fieldProblem(problems, ['command_required']);
  const types: { value: SessionType; icon: React.ReactNode }[] = [
    { value: 'interactive', icon: <CodeOutlined /> },
    { value: 'batch', icon: <ThunderboltOutlined /> },
  ];
  return (
    <Form layout="vertical" requiredMark={false}>
      <Form.Item label={t('launcher.type.label')}>
        <Radio.Group
          data-testid="launcher-type"
          value={form.type}
          onChange={(event) => {
            update({ type: event.target.value as SessionType });
          }}
          style={{ width: '100%' }}
        >
          <Flex gap={12}>
            {types.map(({ value, icon }) => (
              <Radio
                key={value}
                value={value}
                data-testid={`launcher-type-${value}`}
                className="launcher-choice"
                style={{ flex: 1 }}
              >
                <Flex vertical>
                  <Typography.Text strong>
                    {icon} {t(`sessions.type.${value}`)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t(`launcher.type.${value}Help`)}
                  </Typography.Text>
                </Flex>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label={t('launcher.name.label')}
        validateStatus={nameProblem ? 'error' : undefined}
        help={nameProblem ?? t('launcher.name.help')}
      >
        <Input
          data-testid="launcher-name"
          value={form.name}
          placeholder={generatedName ?? t('launcher.name.placeholder')}
          maxLength={64}
          onChange={(event) => {
            update({ name: event.target.value });
          }}
        />
      </Form.Item>
      {/* Interactive sessions keep running on their own; only batch runs a command. */}
      {form.type === 'batch' && (
        <Form.Item
          label={t('launcher.command.label')}
          validateStatus={commandProblem ? 'error' : undefined}
          help={commandProblem ?? t('launcher.command.help')}
        >
          <Input.TextArea
            data-testid="launcher-command"
            value={form.command}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('launcher.command.placeholder')}
            style={{ fontFamily: 'monospace' }}
            onChange={(event) => {
              update({ command: event.target.value });
            }}
          />
        </Form.Item>
      )}
    </Form>
  );
}
