import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { chooseOption } from '../test/antd';
import { createFakeApi } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

describe('ProjectSelector', () => {
  it('shows the current project', async () => {
    renderApp();
    const selector = await screen.findByTestId('project-selector');
    await waitFor(() => {
      expect(within(selector).getByText('default')).toBeInTheDocument();
    });
  });

  it('lists every project and switches to the chosen one', async () => {
    const { api, user, queryClient } = renderApp();
    const selector = await screen.findByTestId('project-selector');
    await waitFor(() => {
      expect(within(selector).getByText('default')).toBeInTheDocument();
    });

    await chooseOption(user, 'project-selector', 'research');

    await waitFor(() => {
      expect(api.setCurrentProject).toHaveBeenCalledWith('research');
    });
    await waitFor(() => {
      expect(within(selector).getByText('research')).toBeInTheDocument();
    });
    expect(await screen.findByText('Switched to project research')).toBeInTheDocument();
    // Project-scoped data is refetched for the new project.
    expect(queryClient.getQueryState(['projects'])?.dataUpdateCount).toBeGreaterThanOrEqual(2);
  });

  it('reports a failed switch and keeps the current project', async () => {
    const api = createFakeApi({
      setCurrentProject: () => Promise.reject(new ApiError('locked', 'database is locked')),
    });
    const { user } = renderApp({ api });
    const selector = await screen.findByTestId('project-selector');
    await waitFor(() => {
      expect(within(selector).getByText('default')).toBeInTheDocument();
    });

    await chooseOption(user, 'project-selector', 'research');

    expect(
      await screen.findByText('Could not switch project: database is locked'),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(within(selector).getByText('default')).toBeInTheDocument();
    });
  });
});
