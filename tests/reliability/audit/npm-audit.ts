/**
 * Reading `npm audit --json`: either a report (auditReportVersion 2) or, when the registry cannot
 * answer (this machine's registry mirror returns 405 to the bulk advisory endpoint), an error object.
 * The second case must be said out loud, never read as "no advisories".
 */

export interface Advisory {
  readonly name: string;
  readonly severity: string;
  readonly title: string;
  readonly url: string;
}

export type AuditOutcome =
  | { readonly status: 'unavailable'; readonly reason: string }
  | {
      readonly status: 'answered';
      readonly advisories: readonly Advisory[];
      readonly counts: Readonly<Record<string, number>>;
    };

interface Via {
  readonly name?: string;
  readonly title?: string;
  readonly url?: string;
  readonly severity?: string;
}

interface Report {
  readonly auditReportVersion?: number;
  readonly vulnerabilities?: Record<
    string,
    { readonly name?: string; readonly severity?: string; readonly via?: ReadonlyArray<Via | string> }
  >;
  readonly metadata?: { readonly vulnerabilities?: Record<string, number> };
  readonly message?: string;
  readonly statusCode?: number;
  readonly error?: { readonly code?: string; readonly summary?: string; readonly detail?: string };
}

export function classifyAudit(stdout: string, stderr = ''): AuditOutcome {
  let report: Report;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    return {
      status: 'unavailable',
      reason: `npm audit printed no JSON (${(stderr.trim().split('\n').at(-1) ?? '').slice(0, 200)})`,
    };
  }
  if (report.auditReportVersion !== 2 || !report.vulnerabilities) {
    const why = report.message ?? report.error?.summary ?? report.error?.code ?? 'no report';
    return { status: 'unavailable', reason: report.statusCode ? `HTTP ${report.statusCode}: ${why}` : why };
  }
  const advisories: Advisory[] = [];
  for (const [name, v] of Object.entries(report.vulnerabilities)) {
    for (const via of v.via ?? []) {
      // A string names another vulnerable package this one depends on; that one is listed itself.
      if (typeof via === 'string') continue;
      advisories.push({
        name: via.name ?? name,
        severity: via.severity ?? v.severity ?? 'unknown',
        title: via.title ?? '',
        url: via.url ?? '',
      });
    }
  }
  const unique = [...new Map(advisories.map((a) => [`${a.name} ${a.url}`, a])).values()];
  return { status: 'answered', advisories: unique, counts: report.metadata?.vulnerabilities ?? {} };
}

/** High and critical advisories without a row (package and advisory address) in the justification table. */
export function unjustified(advisories: readonly Advisory[], justificationsMarkdown: string): Advisory[] {
  const rows = justificationsMarkdown
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .map((l) => l.split('|').map((c) => c.trim().replace(/^`|`$/g, '')));
  return advisories.filter(
    (a) =>
      (a.severity === 'high' || a.severity === 'critical') &&
      !rows.some((cells) => cells[1] === a.name && cells[2] === a.url),
  );
}
