import type { ButtonProps } from 'antd';

/** Props that put a `data-testid` on a button antd renders for us (modal OK, popconfirm OK). */
export function buttonTestId(id: string): ButtonProps {
  return { 'data-testid': id };
}
