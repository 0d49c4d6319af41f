import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, theme, type InputRef } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface TerminalSearchProps {
  /** Each returns whether a match was found. */
  onNext: (query: string) => boolean;
  onPrevious: (query: string) => boolean;
  onClose: () => void;
}

interface SearchButtonProps {
  label: string;
  testId: string;
  icon: ReactNode;
  onClick: () => void;
}

/** One of the find box's icon buttons, named by its tooltip. */
function SearchButton({ label, testId, icon, onClick }: SearchButtonProps) {
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        type="text"
        aria-label={label}
        data-testid={testId}
        icon={icon}
        onClick={onClick}
      />
    </Tooltip>
  );
}

/** The find box over a terminal: Enter finds the next match, Shift+Enter the previous. */
export function TerminalSearch({ onNext, onPrevious, onClose }: TerminalSearchProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const input = useRef<InputRef>(null);
  const [query, setQuery] = useState('');
  const [missed, setMissed] = useState(false);

  useEffect(() => {
    input.current?.focus({ cursor: 'all' });
  }, []);

  const find = (backwards: boolean) => {
    if (query === '') return;
    setMissed(!(backwards ? onPrevious(query) : onNext(query)));
  };

  return (
    <Flex
      role="search"
      aria-label={t('terminal.search.label')}
      data-testid="terminal-search"
      gap={4}
      align="center"
      style={{
        position: 'absolute',
        top: 8,
        right: 16,
        zIndex: 2,
        padding: 4,
        background: token.colorBgElevated,
        borderRadius: token.borderRadius,
        boxShadow: token.boxShadowSecondary,
      }}
    >
      <Input
        ref={input}
        size="small"
        style={{ width: 220 }}
        placeholder={t('terminal.search.placeholder')}
        aria-label={t('terminal.search.placeholder')}
        data-testid="terminal-search-input"
        status={missed ? 'error' : undefined}
        // Always a suffix: antd rebuilds the input when one appears, which
        // would drop the focus mid-search.
        suffix={<span style={{ fontSize: 12 }}>{missed ? t('terminal.search.noMatch') : ''}</span>}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setMissed(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            find(event.shiftKey);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <SearchButton
        label={t('terminal.search.previous')}
        testId="terminal-search-previous"
        icon={<ArrowUpOutlined />}
        onClick={() => {
          find(true);
        }}
      />
      <SearchButton
        label={t('terminal.search.next')}
        testId="terminal-search-next"
        icon={<ArrowDownOutlined />}
        onClick={() => {
          find(false);
        }}
      />
      <SearchButton
        label={t('terminal.search.close')}
        testId="terminal-search-close"
        icon={<CloseOutlined />}
        onClick={onClose}
      />
    </Flex>
  );
}
