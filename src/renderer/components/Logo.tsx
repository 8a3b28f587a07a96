/** The app's mark: a funnel of three bars narrowing to a point, in the accent colour. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="logo-bg" />
      <rect x="7" y="8" width="18" height="3.5" rx="1.75" className="logo-bar" />
      <rect x="10" y="14.25" width="12" height="3.5" rx="1.75" className="logo-bar" />
      <rect x="13" y="20.5" width="6" height="3.5" rx="1.75" className="logo-bar" />
    </svg>
  );
}
