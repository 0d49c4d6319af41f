import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameCheck } from '../../hooks/useFolderNameCheck';

interface FolderNameFieldProps {
  label: ReactNode;
  value: string;
  check: NameCheck;
  inputTestId: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
}

/** A folder name input that shows the core's verdict on it under the field. */
export function FolderNameField({
  label,
  value,
  check,
  inputTestId,
  onChange,
  onSubmit,
}: FolderNameFieldProps) {
  const { t } = useTranslation();
  let status: 'validating' | 'success' | 'error' | undefined;
  let help: ReactNode = t('storage.create.nameHelp');
  if (check.state === 'checking') {
    status = 'validating';
  } else if (check.state === 'valid') {
    status = 'success';
  } else if (check.state === 'invalid') {
    status = 'error';
    help = <span data-testid="folder-name-error">{check.error.message}</span>;
  }
  return (
    <Form.Item label={label} required validateStatus={status} hasFeedback={status !== undefined} help={help}>
      <Input
        autoFocus
        value={value}
        maxLength={64}
        spellCheck={false}
        autoComplete="off"
        data-testid={inputTestId}
        // A constant suffix keeps antd from rebuilding the input when the
        // validation icon comes and goes, which would lose focus and break
        // any reference to the element.
        suffix={<span />}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        onPressEnter={onSubmit}
      />
    </Form.Item>
  );
}
