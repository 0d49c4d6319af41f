import { act, render, screen } from '@testing-library/react';
import { Empty, theme } from 'antd';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { setSystemDarkMode } from '../test/matchMedia';
import { AppThemeProvider } from './AppThemeProvider';

function BackgroundProbe() {
  const { token } = theme.useToken();
  return <span data-testid="background">{token.colorBgContainer}</span>;
}

describe('AppThemeProvider', () => {
  it('gives antd components the locale of the UI language', async () => {
    render(
      <AppThemeProvider>
        <Empty />
      </AppThemeProvider>,
    );
    expect(screen.getByText('No data', { selector: '.ant-empty-description' })).toBeInTheDocument();

    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByText('データがありません', { selector: '.ant-empty-description' })).toBeInTheDocument();
  });

  it('switches to the dark algorithm when the system turns dark, and back', () => {
    render(
      <AppThemeProvider>
        <BackgroundProbe />
      </AppThemeProvider>,
    );
    const probe = screen.getByTestId('background');
    expect(probe).toHaveTextContent('#ffffff');

    act(() => {
      setSystemDarkMode(true);
    });
    expect(probe).toHaveTextContent('#141414');

    act(() => {
      setSystemDarkMode(false);
    });
    expect(probe).toHaveTextContent('#ffffff');
  });
});
