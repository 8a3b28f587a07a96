import type { ComponentType } from 'react';
import { ComplianceTab } from './compliance';
import { AgreementTab } from './agreement';

/**
 * The SLA section's tabs, in order. A tab is a folder with an index component; adding or
 * replacing one is one line here. Labels live at `slaCompliance.tabs.<id>` in the catalogs.
 */
export const SLA_TABS: ReadonlyArray<{ readonly id: string; readonly component: ComponentType }> = [
  { id: 'compliance', component: ComplianceTab },
  { id: 'agreement', component: AgreementTab },
];
