import { Fragment } from 'react';

/**
 * A file or column name that may need to wrap: it breaks after its separators first
 * (`first_contact_` / `date`), and mid-part only when a part alone is wider than its box (the
 * `break` class). Breaking anywhere cut names like `first_contact_da` / `te` at 1,024 px.
 */
export function BreakableName({ text }: { text: string }) {
  const parts = text.split(/(?<=[_./\\-])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
