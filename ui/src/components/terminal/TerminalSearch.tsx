import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, theme, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface TerminalSearchProps {
  /** Each returns whether a match was found. */
  onNext: (query: string) => boolean;
  onPrevious: (query: string) => boolean;
  onClose: () => void;
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
      <Tooltip title={t('terminal.search.previous')}>
        <Button
          size="small"
          type="text"
          aria-label={t('terminal.search.previous')}
          data-testid="terminal-search-previous"
          icon={<ArrowUpOutlined />}
          onClick={() => {
            find(true);
          }}
        />
      </Tooltip>
      <Tooltip title={t('terminal.search.next')}>
        <Button
          size="small"
          type="text"
          aria-label={t('terminal.search.next')}
          data-testid="terminal-search-next"
          icon={<ArrowDownOutlined />}
          onClick={() => {
            find(false);
          }}
        />
      </Tooltip>
      <Tooltip title={t('terminal.search.close')}>
        <Button
          size="small"
          type="text"
          aria-label={t('terminal.search.close')}
          data-testid="terminal-search-close"
          icon={<CloseOutlined />}
          onClick={onClose}
        />
      </Tooltip>
    </Flex>
  );
}
