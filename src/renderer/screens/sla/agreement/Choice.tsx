/** A small row of mutually exclusive text buttons (create or import, which party). */
export function Choice<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: ReadonlyArray<{ readonly value: V; readonly label: string; readonly disabled?: boolean }>;
  onChange: (value: V) => void;
}) {
  return (
    <div className="segmented segmented-text" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          disabled={o.disabled}
          className={o.value === value ? 'segment active' : 'segment'}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
