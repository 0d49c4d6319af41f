import { Alert, App as AntApp, Button, Flex, Modal, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api';
import { useFolders } from '../../hooks/useFolders';
import { useLaunchCheck } from '../../hooks/useLaunchCheck';
import { useEngineLimits, useImages, useSessionActions } from '../../hooks/useSessions';
import { ErrorAlert } from '../ErrorAlert';
import { useModalLifecycle } from '../dialogs/useModalLifecycle';
import { ConfirmStep } from './ConfirmStep';
import { EnvironmentStep } from './EnvironmentStep';
import { NetworkStep } from './NetworkStep';
import { SessionTypeStep } from './SessionTypeStep';
import { StorageStep } from './StorageStep';
import {
  formFromSession,
  loadForm,
  saveForm,
  stepOfProblem,
  toRequest,
  type LauncherForm,
} from './launcherForm';

const STEP_KEYS = ['type', 'environment', 'storage', 'network', 'confirm'] as const;
const LAST_STEP = STEP_KEYS.length - 1;

interface LauncherModalProps {
  /** An ended session to launch again: the form starts from its settings. */
  from?: Session;
  onLaunched: (session: Session) => void;
  onClosed: () => void;
}

/**
 * The launcher: five steps from session type to launch. The core checks
 * the request as it is edited; each step shows its own problems and the
 * last shows them all. Mount it to open; it calls `onClosed` once closed.
 */
export function LauncherModal({ from, onLaunched, onClosed }: LauncherModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { close, modalProps } = useModalLifecycle(onClosed);
  const [form, setForm] = useState<LauncherForm>(() => (from ? formFromSession(from) : loadForm()));
  const [step, setStep] = useState(0);
  const [visited, setVisited] = useState(0);
  const folders = useFolders(false);
  const limits = useEngineLimits();
  const images = useImages();
  const { start } = useSessionActions();

  const available = (folders.data ?? []).filter((f) => !f.automount).map((f) => f.name);
  // A relaunch names the folders of its session; say which ones are gone
  // (trashed, renamed) instead of dropping them silently. Automount folders
  // are mounted anyway, so they are not missing.
  const automount = (folders.data ?? []).filter((f) => f.automount).map((f) => f.name);
  const missing =
    from && folders.data
      ? Object.keys(form.mounts).filter(
          (name) => !available.includes(name) && !automount.includes(name),
        )
      : [];
  const request = toRequest(form, available);
  const check = useLaunchCheck(request);
  // An answer about an earlier version of the request says nothing about this one.
  const problems = check.settled ? (check.data?.problems ?? []) : [];
  const problemsOf = (index: number) => problems.filter((p) => stepOfProblem(p) === index);
  const canLaunch =
    check.settled && check.isSuccess && problems.length === 0 && !start.isPending;

  const update = (patch: Partial<LauncherForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    start.reset();
  };
  const goTo = (index: number) => {
    setStep(index);
    setVisited((previous) => Math.max(previous, index));
  };
  const launch = () => {
    if (!canLaunch) return;
    start.mutate(request, {
      onSuccess: (session) => {
        saveForm(form);
        void message.success(t('launcher.launched', { name: session.name }));
        onLaunched(session);
        close();
      },
    });
  };

  const stepBody = [
    <SessionTypeStep
      key="type"
      form={form}
      update={update}
      problems={problemsOf(0)}
      generatedName={check.data?.name}
    />,
    <EnvironmentStep
      key="environment"
      form={form}
      update={update}
      problems={problemsOf(1)}
      images={images.data}
      limits={limits.data}
    />,
    <StorageStep
      key="storage"
      form={form}
      update={update}
      problems={problemsOf(2)}
      plannedMounts={check.data?.mounts}
    />,
    <NetworkStep key="network" form={form} update={update} problems={problemsOf(3)} />,
    <ConfirmStep
      key="confirm"
      form={form}
      check={check.data}
      checking={!check.settled}
      problems={problems}
    />,
  ][step];

  return (
    <Modal
      {...modalProps}
      title={from ? t('sessions.relaunch.title', { name: from.name }) : t('launcher.title')}
      width={960}
      mask={{ closable: false }}
      footer={
        <Flex justify="space-between" align="center">
          <Button onClick={close} data-testid="launcher-cancel">
            {t('common.cancel')}
          </Button>
          <Flex gap={8}>
            {step > 0 && (
              <Button
                data-testid="launcher-back"
                onClick={() => {
                  goTo(step - 1);
                }}
              >
                {t('launcher.back')}
              </Button>
            )}
            {step < LAST_STEP ? (
              <Button
                type="primary"
                data-testid="launcher-next"
                onClick={() => {
                  goTo(step + 1);
                }}
              >
                {t('launcher.next')}
              </Button>
            ) : (
              <Button
                type="primary"
                data-testid="launcher-launch"
                disabled={!canLaunch}
                loading={start.isPending}
                onClick={launch}
              >
                {t('launcher.launch')}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    >
      <div data-testid="launcher" data-step={STEP_KEYS[step]} data-relaunch={from?.name}>
        {from && (
          <Alert
            type={missing.length > 0 ? 'warning' : 'info'}
            showIcon
            data-testid="launcher-relaunch-note"
            title={t('sessions.relaunch.note', { name: from.name })}
            description={
              missing.length > 0 ? (
                <span data-testid="launcher-relaunch-missing">
                  {t('sessions.relaunch.missingFolders', { folders: missing.join(', ') })}
                </span>
              ) : undefined
            }
            style={{ marginTop: 8 }}
          />
        )}
        <Steps
          size="small"
          current={step}
          onChange={goTo}
          style={{ margin: '16px 0 24px' }}
          items={STEP_KEYS.map((key, index) => ({
            title: t(`launcher.steps.${key}`),
            status:
              index <= visited && index !== LAST_STEP && problemsOf(index).length > 0
                ? 'error'
                : undefined,
          }))}
        />
        <div style={{ minHeight: 380 }}>{stepBody}</div>
        {start.isError && (
          <div style={{ marginTop: 16 }}>
            <ErrorAlert title={t('launcher.failed')} error={start.error} testId="launcher-error" />
          </div>
        )}
        {check.isError && (
          <div style={{ marginTop: 16 }}>
            <ErrorAlert title={t('launcher.checkFailed')} error={check.error} />
          </div>
        )}
      </div>
    </Modal>
  );
}
