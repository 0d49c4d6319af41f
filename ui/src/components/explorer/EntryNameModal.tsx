import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { ErrorAlert } from '../ErrorAlert';
import { buttonTestId } from '../dialogs/testIds';
import { useModalLifecycle } from '../dialogs/useModalLifecycle';
import { entryNameProblem } from './entryPaths';

interface EntryNameModalProps {
  title: string;
  label: string;
  submitText: string;
  initial: string;
  /** Whether `a/b` is allowed (creating nested directories). */
  nested: boolean;
  inputTestId: string;
  submitTestId: string;
  help?: string;
  /** Rejects with the backend's error, which stays on screen. */
  onSubmit: (name: string) => Promise<unknown>;
  onClosed: () => void;
}

/** Asks for the name of a new or renamed entry. */
export function EntryNameModal({
  title,
  label,
  submitText,
  initial,
  nested,
  inputTestId,
  submitTestId,
  help,
  onSubmit,
  onClosed,
}: EntryNameModalProps) {
  const { t } = useTranslation();
  const { close, modalProps } = useModalLifecycle(onClosed);
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problem = entryNameProblem(name, nested);
  const canSubmit = problem === null && name !== initial && !busy;

  const submit = () => {
    if (!canSubmit) return;
    setBusy(true);
    onSubmit(name).then(
      () => {
        close();
      },
      (reason: unknown) => {
        setError(reason as ApiError);
        setBusy(false);
      },
    );
  };

  // An empty field needs no scolding; the disabled button says enough.
  const shownProblem = problem === 'empty' ? null : problem;
  return (
    <Modal
      {...modalProps}
      title={title}
      okText={submitText}
      onOk={submit}
      okButtonProps={{ ...buttonTestId(submitTestId), disabled: !canSubmit }}
      confirmLoading={busy}
    >
      <Form layout="vertical" requiredMark={false} style={{ marginTop: 16 }}>
        <Form.Item
          label={label}
          validateStatus={shownProblem ? 'error' : undefined}
          help={shownProblem ? t(`explorer.nameProblem.${shownProblem}`) : help}
        >
          <Input
            autoFocus
            value={name}
            spellCheck={false}
            autoComplete="off"
            data-testid={inputTestId}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
            onPressEnter={submit}
          />
        </Form.Item>
        {error && <ErrorAlert title={t('explorer.actionFailed')} error={error} />}
      </Form>
    </Modal>
  );
}
