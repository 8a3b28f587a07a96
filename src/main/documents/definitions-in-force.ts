import type { Workspace } from '../workspace/workspace';
import { DefinitionsRepository } from '../definitions/repository';
import { definitionsInForce as fromLifecycle } from '../definitions/in-force';
import type { DefinitionInForce } from '../../shared/documents/terms';

/**
 * The one place documents read definitions from: the definitions service's point-in-time rule
 * ("in force at T" = per definition, the agreed revision with the latest effective date not after
 * T), so a document, the metrics and compliance always agree on which revision governed.
 */
export function definitionsInForce(ws: Workspace, asOf: number = Date.now()): DefinitionInForce[] {
  return fromLifecycle(ws.repo(DefinitionsRepository), asOf);
}
