import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/**
 * Picks an option of an antd Select the way a user does. The role="option"
 * nodes antd renders are an accessibility mirror that ignores clicks, so
 * this targets the visible item instead.
 */
export async function chooseOption(user: UserEvent, selectTestId: string, label: string) {
  await user.click(within(screen.getByTestId(selectTestId)).getByRole('combobox'));
  const option = await waitFor(() => {
    const found = document.querySelector<HTMLElement>(
      `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`,
    );
    if (!found) throw new Error(`no visible option "${label}"`);
    return found;
  });
  await user.click(option);
}
