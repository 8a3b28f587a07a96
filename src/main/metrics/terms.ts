import type { Db } from '../db/driver';
import type { SlaTerms } from '../../shared/definitions/model';
import type { TermsSource } from '../../shared/metrics/types';
import { DefinitionsRepository } from '../definitions/repository';
import { followUpWindows, slaTermsInForce, type FollowUpWindow } from '../definitions/in-force';

/**
 * The SLA terms the metrics follow, read from the definitions service (src/main/definitions):
 * the agreed `sla_terms` revision in force at an instant, else the defaults.
 */
export class SlaTermsRepository {
  private readonly definitions: DefinitionsRepository;

  constructor(db: Db) {
    this.definitions = new DefinitionsRepository(db);
  }

  inForce(at: number): { terms: SlaTerms; source: TermsSource } {
    return slaTermsInForce(this.definitions, at);
  }

  /** Follow-up windows by hand-off instant, so each lead is judged by the terms in force when it was handed over. */
  windowsByHandoff(): FollowUpWindow[] {
    return followUpWindows(this.definitions);
  }
}
