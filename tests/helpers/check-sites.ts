import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Finds the custom zod checks of src/shared with the TypeScript parser: every `checkMessage(...)`
 * call (the catalog key of a custom check), and every refine / addIssue / custom check whose text
 * does not come from one, so English words cannot reach a user past the catalogs.
 */

export interface CheckSite {
  /** Path under src/shared, e.g. `calendar/model.ts`. */
  readonly file: string;
  readonly line: number;
  readonly key: string;
}

export interface ScanResult {
  readonly sites: CheckSite[];
  /** `file:line: what is wrong`, one per offending call or property. */
  readonly violations: string[];
}

const ROOT = fileURLToPath(new URL('../../src/shared', import.meta.url));
/** The module that defines `checkMessage`: its own `message` property is the point. */
const HELPER = 'validation/checks.ts';
const REFINERS = new Set(['refine', 'custom']);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();

function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

const isCheckMessageCall = (node: ts.Node): node is ts.CallExpression =>
  ts.isCallExpression(node) && calleeName(node) === 'checkMessage';

/** `checkMessage(...)` itself, or an object literal that spreads one and sets no text of its own. */
function carriesKey(node: ts.Expression | undefined): boolean {
  if (!node) return false;
  if (isCheckMessageCall(node)) return true;
  if (!ts.isObjectLiteralExpression(node)) return false;
  const spreads = node.properties.some((p) => ts.isSpreadAssignment(p) && isCheckMessageCall(p.expression));
  const ownText = node.properties.some(
    (p) => !ts.isSpreadAssignment(p) && p.name !== undefined && ['message', 'error'].includes(p.name.getText()),
  );
  return spreads && !ownText;
}

export function scanSource(file: string, text: string, catalog: Record<string, string>): ScanResult {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sites: CheckSite[] = [];
  const violations: string[] = [];
  const usesZod = /from 'zod'/.test(text);
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const report = (node: ts.Node, what: string) => violations.push(`${file}:${lineOf(node)}: ${what}`);

  const checkCall = (call: ts.CallExpression) => {
    const [keyArg, messageArg, valuesArg] = call.arguments;
    if (!keyArg || !ts.isStringLiteral(keyArg)) return report(call, 'checkMessage needs a literal key');
    const key = keyArg.text;
    sites.push({ file, line: lineOf(call), key });
    const english = catalog[key];
    if (english === undefined) return report(call, `no errors.validationIssue.check.${key} in en.json`);
    // The values the catalog text names, by the expression each one is given.
    const values = new Map<string, string>();
    if (valuesArg) {
      if (!ts.isObjectLiteralExpression(valuesArg)) return report(call, `${key}: values must be an object literal`);
      for (const p of valuesArg.properties) {
        if (ts.isShorthandPropertyAssignment(p)) values.set(p.name.text, p.name.text);
        else if (ts.isPropertyAssignment(p)) values.set(p.name.getText(source), p.initializer.getText(source));
        else report(p, `${key}: values must be plain properties`);
      }
    }
    const names = [...values.keys()].sort();
    if (JSON.stringify(names) !== JSON.stringify(placeholders(english)))
      report(call, `${key}: values [${names.join(', ')}] but en.json names [${placeholders(english).join(', ')}]`);
    // The English message must read as the English catalog entry, with `${expr}` for `{{name}}`.
    let message: string | null = null;
    if (messageArg && ts.isStringLiteralLike(messageArg)) message = messageArg.text;
    else if (messageArg && ts.isTemplateExpression(messageArg)) {
      const byExpression = new Map([...values].map(([name, expr]) => [expr, name]));
      message = messageArg.head.text;
      for (const span of messageArg.templateSpans) {
        const name = byExpression.get(span.expression.getText(source));
        message += (name === undefined ? `\${${span.expression.getText(source)}}` : `{{${name}}}`) + span.literal.text;
      }
    }
    if (message === null) report(call, `${key}: the English message must be a literal`);
    else if (message !== english) report(call, `${key}: English message ${JSON.stringify(message)} is not en.json's`);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      if (name === 'checkMessage') checkCall(node);
      else if (usesZod && name !== null && REFINERS.has(name) && ts.isPropertyAccessExpression(node.expression)) {
        if (!carriesKey(node.arguments[1])) report(node, `.${name}() without checkMessage(...)`);
      } else if (usesZod && name === 'addIssue') {
        if (!carriesKey(node.arguments[0])) report(node, 'addIssue() without checkMessage(...)');
      }
    } else if (
      usesZod &&
      file !== HELPER &&
      ts.isPropertyAssignment(node) &&
      node.name.getText(source) === 'message' &&
      ts.isStringLiteralLike(node.initializer)
    ) {
      report(node, `message: ${node.initializer.getText(source)} bypasses the catalogs`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { sites, violations };
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts'));
}

/** Every TypeScript file of src/shared, scanned. */
export function scanShared(catalog: Record<string, string>): ScanResult & { files: number } {
  const files = walk(ROOT);
  const results = files.map((f) =>
    scanSource(path.relative(ROOT, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf8'), catalog),
  );
  return {
    files: files.length,
    sites: results.flatMap((r) => r.sites),
    violations: results.flatMap((r) => r.violations),
  };
}
