import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { useWorkspace } from '../../../use-workspace';
import { ColumnMappingTable } from './ColumnMappingTable';
import { FileSwitcher } from './FileSwitcher';
import { dropMissingColumns, mappingProblems } from './mapping-editor';
import { JoinPanel, LayoutPicker, PresetPicker, ProblemList, SavePreset, problemText } from './MappingParts';
import { fileLayout, jobRunning, previewCurrent } from './state';
import type { ImportWizard } from './use-import-wizard';
import { usePresets, useReasons } from './use-presets';
import { reasonRows, stageRows } from './value-rows';
import { ReasonValuesTable, StageValuesTable } from './ValueTables';
import { WizardFooter } from './WizardFooter';

/** Step 3: what each column means, how stage and reason values translate, and how several files join. */
export function StepMapping({ wizard, readOnly }: { wizard: ImportWizard; readOnly: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { presets, reload } = usePresets();
  const reasons = useReasons();
  const { state } = wizard;
  const mapping = state.mapping;
  const previews = state.files.map((f) => state.preview?.files.find((p) => p.fileId === f.ref?.id));
  const index = state.activeFile;
  const preview = previews[index];
  const fm = mapping?.files[index];
  if (!mapping || !preview || !fm) return null;
  const stageKeys = workspace.stages.map((s) => s.key);
  const layout = fileLayout(state, index);
  const problemsByFile = previews.map((p, i) => {
    const m = mapping.files[i];
    return p && m ? mappingProblems(m, p.headers, stageKeys, fileLayout(state, i)) : [];
  });
  const problems = problemsByFile[index] ?? [];
  const otherFileProblem = problemsByFile.findIndex((list, i) => i !== index && list.length > 0);
  const blocked = problemsByFile.some((list) => list.length > 0);
  const edit = (next: typeof fm) => wizard.editFileMapping(index, next);
  const note = readOnly
    ? readOnly
    : otherFileProblem >= 0
      ? t('importScreen.problems.inOtherFile', {
          name: previews[otherFileProblem]?.name ?? '',
          problem: problemText(t, problemsByFile[otherFileProblem]![0]!, workspace.stages, locale),
        })
      : blocked
        ? t('importScreen.problems.fixFirst')
        : null;
  const cannotRun = readOnly !== null || blocked || !previewCurrent(state) || jobRunning(state);
  return (
    <section className="card panel wizard-step" aria-labelledby="import-step-mapping">
      <header className="panel-header">
        <h2 id="import-step-mapping">{t('importScreen.mapping.title')}</h2>
        <p className="muted">{t('importScreen.mapping.description')}</p>
      </header>
      <div className="mapping-top">
        <PresetPicker wizard={wizard} presets={presets} detected={previews.find((p) => p?.preset)?.preset ?? null} />
      </div>
      <JoinPanel wizard={wizard} previews={previews.filter((p) => p !== undefined)} />
      <FileSwitcher files={state.files} active={index} onChange={wizard.showFile} />
      <LayoutPicker layout={layout} onChange={(l) => wizard.chooseLayout(index, l)} name={`layout-${index}`} />
      <ProblemList
        problems={problems}
        stages={workspace.stages}
        onDropMissing={() => edit(dropMissingColumns(fm, preview.headers))}
      />
      <ColumnMappingTable fm={fm} preview={preview} layout={layout} stages={workspace.stages} onChange={edit} />
      <StageValuesTable
        rows={stageRows(preview, fm, state.found.stages)}
        fm={fm}
        stages={workspace.stages}
        onChange={edit}
      />
      <ReasonValuesTable
        rows={reasonRows(preview, fm, state.found.reasons)}
        fm={fm}
        reasons={reasons}
        onChange={edit}
      />
      <SavePreset mapping={mapping} readOnly={readOnly} onSaved={reload} />
      <p className="muted wizard-hint">{t('importScreen.mapping.nextHint')}</p>
      <WizardFooter
        back={
          <Button variant="ghost" onClick={() => wizard.goTo('format')}>
            {t('importScreen.back')}
          </Button>
        }
        note={note}
        next={
          <>
            <Button disabled={cannotRun} onClick={() => wizard.start('import', 'reject')}>
              {t('importScreen.mapping.importNow')}
            </Button>
            <Button variant="primary" disabled={cannotRun} onClick={() => wizard.start('check')}>
              {t('importScreen.mapping.check')}
            </Button>
          </>
        }
      />
    </section>
  );
}
