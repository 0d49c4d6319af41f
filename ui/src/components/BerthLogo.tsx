/** The Berth mark: a container resting at a quay. */
export function BerthLogo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" role="img" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#2563eb" />
      <rect x="7" y="9" width="18" height="10" rx="1.5" fill="#ffffff" />
      <path d="M11 11.5v5M14.5 11.5v5M18 11.5v5M21.5 11.5v5" stroke="#2563eb" strokeWidth="1.4" strokeLinecap="round" />
      <path d="M5 23h22" stroke="#93c5fd" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
