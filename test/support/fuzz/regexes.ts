import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { RESERVED_TRAITS } from "../../../generated/reserved-traits.js";

// Every regular expression the package runs, found three ways: the `pattern`s and `patternProperties` keys of
// the generated JSON Schema (what Ajv compiles, with the `u` flag), the reserved-trait patterns the runtime
// compiles, and every regex literal or `RegExp(...)` call in the source and the generated validators, read
// with the TypeScript parser (a grep would miss `RegExp` built from a variable, and find it in comments).

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** One regular expression and where it comes from. */
export interface FoundRegex {
  readonly source: string;
  readonly flags: string;
  readonly where: string;
}

/** A `RegExp(...)` whose pattern is not a literal, so that it cannot be checked where it is written. */
export interface DynamicRegex {
  readonly where: string;
  readonly code: string;
}

/** The `pattern`s and `patternProperties` keys of every generated JSON Schema file, with Ajv's `u` flag. */
export function schemaPatterns(): FoundRegex[] {
  const dir = join(ROOT, "generated", "json-schema");
  const found: FoundRegex[] = [];
  for (const file of readdirSync(dir).sort()) {
    const stack: unknown[] = [JSON.parse(readFileSync(join(dir, file), "utf8"))];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node !== "object" || node === null) continue;
      const record = node as Record<string, unknown>;
      if (typeof record["pattern"] === "string") found.push({ source: record["pattern"], flags: "u", where: `generated/json-schema/${file} pattern` });
      const patternProperties = record["patternProperties"];
      if (typeof patternProperties === "object" && patternProperties !== null) {
        for (const key of Object.keys(patternProperties)) found.push({ source: key, flags: "u", where: `generated/json-schema/${file} patternProperties` });
      }
      stack.push(...Object.values(record));
    }
  }
  return found;
}

/** The reserved-trait patterns `src/traits/reserved.ts` compiles with `new RegExp(pattern, "u")`. */
export function reservedTraitPatterns(): FoundRegex[] {
  return Object.entries(RESERVED_TRAITS).flatMap(([kind, { traits }]) =>
    traits.map(({ name, pattern }) => ({ source: pattern, flags: "u", where: `generated/reserved-traits.ts ${kind} ${name}` })),
  );
}

/** The files under `dir` (relative to the repository) whose names end with one of `extensions`. */
export function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (extensions.some((extension) => name.endsWith(extension))) out.push(relative(ROOT, full));
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/**
 * Every regex literal and `RegExp(...)`/`new RegExp(...)` in one file: those whose pattern and flags are
 * string literals (or variables holding one), and the calls whose pattern is computed.
 */
export function regexesIn(file: string): { literal: FoundRegex[]; dynamic: DynamicRegex[] } {
  const text = readFileSync(join(ROOT, file), "utf8");
  const kind = file.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const literal: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  // A generator may name a pattern before compiling it (`var pattern0Source = "..."; new RegExp(pattern0Source, "u")`):
  // a variable declared once in the file with a string literal counts as that literal.
  const declared = new Map<string, string | undefined>();
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const init = node.initializer;
      const text = init !== undefined && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) ? init.text : undefined;
      declared.set(node.name.text, declared.has(node.name.text) ? undefined : text);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  const stringOf = (node: ts.Expression | undefined): string | undefined => {
    if (node === undefined) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    return ts.isIdentifier(node) ? declared.get(node.text) : undefined;
  };
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const raw = node.getText(source);
      const end = raw.lastIndexOf("/");
      literal.push({ source: raw.slice(1, end), flags: raw.slice(end + 1), where: at(node) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === "RegExp") {
      const args = node.arguments ?? ts.factory.createNodeArray();
      const pattern = stringOf(args[0]);
      const flags = args.length > 1 ? stringOf(args[1]) : "";
      if (pattern !== undefined && flags !== undefined) literal.push({ source: pattern, flags, where: at(node) });
      else dynamic.push({ where: at(node), code: node.getText(source).slice(0, 120) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literal, dynamic };
}
