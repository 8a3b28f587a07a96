export interface SegmentedProps<V extends string> {
  readonly label: string;
  readonly options: ReadonlyArray<{ readonly value: V; readonly label: string }>;
  readonly value: V;
  readonly onChange: (value: V) => void;
}

/** A row of mutually exclusive text buttons (tabs of a card, a chart's variant). */
export function Segmented<V extends string>({ label, options, value, onChange }: SegmentedProps<V>) {
  return (
    <div className="segmented segmented-text" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          className={o.value === value ? 'segment active' : 'segment'}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
