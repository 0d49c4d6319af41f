import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { themeFor } from './tokens';

describe('themeFor', () => {
  it('uses the dark algorithm only for a dark system scheme', () => {
    expect(themeFor('dark').algorithm).toBe(theme.darkAlgorithm);
    expect(themeFor('light').algorithm).toBe(theme.defaultAlgorithm);
  });

  it('turns animations off when the system asks for reduced motion', () => {
    expect(themeFor('light').token?.motion).toBe(true);
    expect(themeFor('light', true).token?.motion).toBe(false);
  });
});
