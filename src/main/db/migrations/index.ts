import type { Migration } from '../migrate';
import { m001Initial } from './001_initial';
import { m002Imports } from './002_imports';
import { m003Metrics } from './003_metrics';
import { m004Definitions } from './004_definitions';
import { m005Meetings } from './005_meetings';
import { m006Documents } from './006_documents';
import { m008LeadsExplorer } from './008_leads_explorer';
import { m009MetricOpen } from './009_metric_open';
import { m010MetricFirst } from './010_metric_first';
import { m011MetricSegment } from './011_metric_segment';

/** Every migration, in order. Bundle-safe: an explicit list, no directory scan. */
export const migrations: readonly Migration[] = [
  m001Initial,
  m002Imports,
  m003Metrics,
  m004Definitions,
  m005Meetings,
  m006Documents,
  m008LeadsExplorer,
  m009MetricOpen,
  m010MetricFirst,
  m011MetricSegment,
];
