import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

/**
 * A labelled form control. The label wraps the control so clicks focus it; the hint sits outside
 * the label and is tied to the control with aria-describedby, so it is read as a description
 * rather than as part of the control's name.
 */
export function Field({ label, hint, children }: { label: string; hint?: string | undefined; children: ReactNode }) {
  const hintId = useId();
  const control =
    hint && isValidElement(children)
      ? cloneElement(children as ReactElement<{ 'aria-describedby'?: string }>, { 'aria-describedby': hintId })
      : children;
  return (
    <div className="field">
      <label className="field-control">
        <span className="field-label">{label}</span>
        {control}
      </label>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
