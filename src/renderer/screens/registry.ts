import type { ComponentType } from 'react';
import type { IconName } from '../components/Icon';
import type { Section } from '../state/sections';
import { ReviewScreen } from './review';
import { FunnelScreen } from './funnel';
import { SlaScreen } from './sla';
import { WinLossScreen } from './win-loss';
import { DefinitionsScreen } from './definitions';
import { LeadsScreen } from './leads';
import { ImportsScreen } from './imports';
import { SettingsScreen } from './settings';

/**
 * Each section is a folder with an index component; replacing a section's screen means changing
 * that folder only. Labels live at `nav.<section>` in the catalogs.
 */
export const SCREENS: Record<Section, { readonly component: ComponentType; readonly icon: IconName }> = {
  review: { component: ReviewScreen, icon: 'review' },
  funnel: { component: FunnelScreen, icon: 'funnel' },
  sla: { component: SlaScreen, icon: 'sla' },
  'win-loss': { component: WinLossScreen, icon: 'win-loss' },
  definitions: { component: DefinitionsScreen, icon: 'definitions' },
  leads: { component: LeadsScreen, icon: 'leads' },
  imports: { component: ImportsScreen, icon: 'imports' },
  settings: { component: SettingsScreen, icon: 'settings' },
};
