import type { ReactNode } from 'react';

/** The step's way back on the left and its way forward on the right, with why forward is not possible yet. */
export function WizardFooter({ back, next, note }: { back?: ReactNode; next?: ReactNode; note?: string | null }) {
  return (
    <footer className="wizard-footer">
      <div className="wizard-footer-back">{back}</div>
      <div className="wizard-footer-next">
        {note ? <span className="wizard-footer-note">{note}</span> : null}
        {next}
      </div>
    </footer>
  );
}
