import './sparkline.css';

/**
 * A small trend line without axes: values left to right (null leaves a gap), an optional goal as
 * a dashed line, and a mark per point whose shape (filled dot, cross, ring) carries its verdict so
 * it reads without colour. Each point has a title for the pointer and screen readers.
 */
export type SparkMark = 'good' | 'bad' | 'none';

export interface SparklineProps {
  readonly values: ReadonlyArray<number | null>;
  readonly marks?: ReadonlyArray<SparkMark>;
  readonly titles?: readonly string[];
  readonly goal?: number | null;
  /** Lower bound of the scale (0 for counts and shares). */
  readonly min?: number;
  readonly width?: number;
  readonly height?: number;
  readonly label: string;
}

const PAD = 5;

export function Sparkline({
  values,
  marks = [],
  titles = [],
  goal = null,
  min = 0,
  width = 160,
  height = 40,
  label,
}: SparklineProps) {
  const known = values.filter((v): v is number => v !== null);
  const top = Math.max(min + 1e-9, goal ?? -Infinity, ...known);
  const x = (i: number) => (values.length <= 1 ? width / 2 : PAD + (i * (width - 2 * PAD)) / (values.length - 1));
  const y = (v: number) => height - PAD - ((v - min) / (top - min)) * (height - 2 * PAD);
  const segments: string[] = [];
  let path = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (path) segments.push(path);
      path = '';
      return;
    }
    path += `${path ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
  });
  if (path) segments.push(path);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {goal !== null ? <line className="sparkline-goal" x1={PAD} x2={width - PAD} y1={y(goal)} y2={y(goal)} /> : null}
      {segments.map((d, i) => (
        <path key={i} className="sparkline-line" d={d} />
      ))}
      {values.map((v, i) => {
        if (v === null) return null;
        const mark = marks[i] ?? 'none';
        const cx = x(i);
        const cy = y(v);
        const last = i === values.length - 1;
        const r = last ? 4 : 2.6;
        return (
          <g key={i} className={`sparkline-mark sparkline-${mark}${last ? ' sparkline-last' : ''}`}>
            {titles[i] ? <title>{titles[i]}</title> : null}
            {mark === 'bad' ? (
              <path d={`M${cx - r} ${cy - r}L${cx + r} ${cy + r}M${cx - r} ${cy + r}L${cx + r} ${cy - r}`} />
            ) : (
              <circle cx={cx} cy={cy} r={r} />
            )}
          </g>
        );
      })}
    </svg>
  );
}
