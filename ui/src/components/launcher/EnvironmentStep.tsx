import { AutoComplete, Flex, Form, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EngineLimits, ImageInfo, Problem } from '../../api';
import { formatBytes } from '../../format';
import { fieldProblem } from './StepProblems';
import {
  PRESETS,
  maxMemoryGib,
  presetFits,
  type LauncherForm,
  type PresetName,
} from './launcherForm';

interface StepProps {
  form: LauncherForm;
  update: (patch: Partial<LauncherForm>) => void;
  problems: Problem[];
  images: ImageInfo[] | undefined;
  limits: EngineLimits | undefined;
}

const PRESET_NAMES = Object.keys(PRESETS) as Exclude<PresetName, 'custom'>[];

export function EnvironmentStep({ form, update, problems, images, limits }: StepProps) {
  const { t, i18n } = useTranslation();
  const imageProblem = fieldProblem(problems, ['invalid_image']);
  const cpuProblem = fieldProblem(problems, ['cpus_out_of_range']);
  const memoryProblem = fieldProblem(problems, ['memory_out_of_range', 'shm_out_of_range']);
  const tags = (images ?? []).flatMap((image) =>
    image.tags.map((tag) => ({ tag, size: image.size_bytes })),
  );
  const query = form.image.trim().toLowerCase();
  const options = tags
    .filter(({ tag }) => query === '' || tag.toLowerCase().includes(query))
    .map(({ tag, size }) => ({
      value: tag,
      label: (
        <Flex justify="space-between" gap={16}>
          <span>{tag}</span>
          <Typography.Text type="secondary">{formatBytes(size, i18n.language)}</Typography.Text>
        </Flex>
      ),
    }));

  return (
    <Form layout="vertical" requiredMark={false}>
      <Form.Item
        label={t('launcher.image.label')}
        validateStatus={imageProblem ? 'error' : undefined}
        help={imageProblem ?? t('launcher.image.help')}
      >
        <AutoComplete
          data-testid="launcher-image"
          value={form.image}
          options={options}
          placeholder={t('launcher.image.placeholder')}
          onChange={(value: string) => {
            update({ image: value });
          }}
          notFoundContent={images ? t('launcher.image.noLocal') : undefined}
        />
      </Form.Item>
      <Form.Item label={t('launcher.resources.preset')}>
        <Radio.Group
          data-testid="launcher-preset"
          optionType="button"
          value={form.preset}
          onChange={(event) => {
            const preset = event.target.value as PresetName;
            update(preset === 'custom' ? { preset } : { preset, ...PRESETS[preset] });
          }}
          options={[
            ...PRESET_NAMES.map((name) => ({
              value: name,
              disabled: !presetFits(name, limits),
              label: t('launcher.resources.presetLabel', {
                name: t(`launcher.resources.presets.${name}`),
                cpus: PRESETS[name].cpus,
                memory: PRESETS[name].memoryGib,
              }),
            })),
            { value: 'custom', label: t('launcher.resources.presets.custom') },
          ]}
        />
      </Form.Item>
      <Flex gap={24} wrap>
        <Form.Item
          label={t('launcher.resources.cpus')}
          validateStatus={cpuProblem ? 'error' : undefined}
          help={
            cpuProblem ??
            (limits ? t('launcher.resources.cpusMax', { count: limits.cpus }) : undefined)
          }
          style={{ width: 220 }}
        >
          <InputNumber
            data-testid="launcher-cpus"
            value={form.cpus}
            min={0.1}
            max={limits?.cpus}
            step={0.5}
            style={{ width: '100%' }}
            disabled={form.preset !== 'custom'}
            onChange={(value) => {
              if (value !== null) update({ cpus: value });
            }}
          />
        </Form.Item>
        <Form.Item
          label={t('launcher.resources.memory')}
          validateStatus={memoryProblem ? 'error' : undefined}
          help={
            memoryProblem ??
            (limits
              ? t('launcher.resources.memoryMax', {
                  memory: formatBytes(limits.memory_bytes, i18n.language),
                })
              : undefined)
          }
          style={{ width: 220 }}
        >
          <InputNumber
            data-testid="launcher-memory"
            value={form.memoryGib}
            min={0.0625}
            max={maxMemoryGib(limits)}
            step={0.5}
            suffix="GiB"
            style={{ width: '100%' }}
            disabled={form.preset !== 'custom'}
            onChange={(value) => {
              if (value !== null) update({ memoryGib: value });
            }}
          />
        </Form.Item>
      </Flex>
    </Form>
  );
}
