import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api';
import { useSessionActions } from '../../hooks/useSessions';

/** Terminates a session and says how it went; `pending` is the id being terminated. */
export function useTerminateSession() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { terminate } = useSessionActions();
  return {
    terminate: (session: Session) => {
      terminate.mutate(session.id, {
        onSuccess: () => void message.success(t('sessions.terminate.done', { name: session.name })),
        onError: (error) => void message.error(error.message),
      });
    },
    pending: terminate.isPending ? terminate.variables : undefined,
  };
}
