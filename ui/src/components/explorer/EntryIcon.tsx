import {
  FileImageOutlined,
  FileMarkdownOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileTextOutlined,
  FileZipOutlined,
  FolderFilled,
  LinkOutlined,
} from '@ant-design/icons';
import { theme } from 'antd';
import type { DirEntry } from '../../api';

const BY_EXTENSION: [RegExp, typeof FileOutlined][] = [
  [/\.(png|jpe?g|gif|svg|webp|bmp|tiff?)$/i, FileImageOutlined],
  [/\.(zip|tar|gz|tgz|bz2|xz|zst|7z|rar)$/i, FileZipOutlined],
  [/\.pdf$/i, FilePdfOutlined],
  [/\.(md|markdown)$/i, FileMarkdownOutlined],
  [/\.(txt|log|csv|tsv|json|ya?ml|toml|ini|cfg|py|ipynb|rs|js|ts|tsx|sh|r|c|h|cpp|go|java)$/i, FileTextOutlined],
];

export function EntryIcon({ entry }: { entry: DirEntry }) {
  const { token } = theme.useToken();
  if (entry.kind === 'dir') return <FolderFilled style={{ color: token.colorWarning }} />;
  if (entry.kind === 'symlink') return <LinkOutlined style={{ color: token.colorTextSecondary }} />;
  const Icon = BY_EXTENSION.find(([pattern]) => pattern.test(entry.name))?.[1] ?? FileOutlined;
  return <Icon style={{ color: token.colorTextSecondary }} />;
}
