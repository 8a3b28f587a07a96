import { StepCheck } from './StepCheck';
import { StepFiles } from './StepFiles';
import { StepFormat } from './StepFormat';
import { StepImport } from './StepImport';
import { StepMapping } from './StepMapping';
import { Stepper } from './Stepper';
import type { ImportWizard } from './use-import-wizard';

/** The wizard: the step list, then the step in hand. */
export function ImportWizardView({
  wizard,
  onChoose,
  readOnly,
  onShowHistory,
}: {
  wizard: ImportWizard;
  onChoose: () => void;
  readOnly: string | null;
  onShowHistory: () => void;
}) {
  const step = wizard.state.step;
  return (
    <div className="wizard">
      <Stepper state={wizard.state} onGo={wizard.goTo} />
      {step === 'files' ? <StepFiles wizard={wizard} onChoose={onChoose} /> : null}
      {step === 'format' ? <StepFormat wizard={wizard} /> : null}
      {step === 'mapping' ? <StepMapping wizard={wizard} readOnly={readOnly} /> : null}
      {step === 'check' ? <StepCheck wizard={wizard} readOnly={readOnly} /> : null}
      {step === 'import' ? <StepImport wizard={wizard} onShowHistory={onShowHistory} /> : null}
    </div>
  );
}
