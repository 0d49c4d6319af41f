import { useState } from 'react';

/**
 * For a dialog its parent mounts when opening and unmounts once closed:
 * it opens at once, closes with antd's animation, then tells the parent,
 * so every opening starts from fresh state.
 */
export function useModalLifecycle(onClosed: () => void) {
  const [open, setOpen] = useState(true);
  const close = () => {
    setOpen(false);
  };
  return { close, modalProps: { open, onCancel: close, afterClose: onClosed, destroyOnHidden: true } };
}
