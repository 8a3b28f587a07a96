import './progress.css';

/**
 * A determinate progress bar with its label; `share` in [0, 1]. Screen readers get the percentage
 * and the label, sighted users the bar and whatever text the caller puts beside it.
 */
export function ProgressBar({
  share,
  label,
  tone = 'accent',
}: {
  share: number;
  label: string;
  tone?: 'accent' | 'muted';
}) {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(share) ? share : 0));
  const percent = Math.round(clamped * 100);
  return (
    <div
      className={`progress progress-${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="progress-fill" style={{ width: `${clamped * 100}%` }} />
    </div>
  );
}
