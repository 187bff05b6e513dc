import { Definitions, literal, Names } from "./schema-model.js";

/** The most keys one key classifier remembers; it starts over when full, so memory stays bounded. */
export const KEY_CACHE_MAX = 4096;
/** Longer keys are classified every time instead of remembered. */
export const KEY_CACHE_KEY_MAX = 256;

/**
 * The top level of one generated validator module: the declarations the verdict and error code share
 * (regular expressions, format imports, key classifiers), each declared once, in the order first asked for.
 */
export class ModuleScope {
  readonly names = new Names();
  private readonly declarations: string[] = [];
  private readonly regexes = new Map<string, string>();
  private readonly imports = new Map<string, string>();
  private readonly classifiers = new Map<string, string>();

  /**
   * @param defs the `$defs` of the body's schema document
   * @param formatFunctions for each format name, the name of its checker exported by schemas/formats/index.ts
   */
  constructor(
    readonly defs: Definitions,
    private readonly formatFunctions: Readonly<Record<string, string>>,
  ) {}

  /** The constant holding `pattern` compiled as Ajv compiles it (`u` flag). */
  regex(pattern: string): string {
    let name = this.regexes.get(pattern);
    if (name === undefined) {
      // Compiling here first makes an invalid pattern fail generation, not the generated module.
      new RegExp(pattern, "u");
      name = this.names.next("pattern");
      this.regexes.set(pattern, name);
      this.declare(`const ${name}Source = ${literal(pattern)};\nconst ${name} = new RegExp(${name}Source, "u");`);
    }
    return name;
  }

  /** The constant holding the text of `pattern` (for error paths, which name the pattern). */
  regexSource(pattern: string): string {
    return `${this.regex(pattern)}Source`;
  }

  /** The imported checker of a format. */
  format(format: string): string {
    const fn = this.formatFunctions[format];
    if (fn === undefined) throw new Error(`No checker for format ${format} in schemas/formats/.`);
    this.imports.set(fn, fn);
    return fn;
  }

  /**
   * A function `(key) => number` whose bit i is set when the key matches `patterns[i]`. Verdicts are remembered
   * per key: trait names repeat from body to body, and testing a dozen patterns per key costs more than the rest
   * of the check. The memory is bounded (it starts over when full) and holds only keys, never values. `seeds`
   * (the first caller's) are classified at generation time.
   */
  classifier(patterns: readonly string[], seeds: readonly string[] = []): string {
    if (patterns.length > 30) throw new Error("A key classifier holds at most 30 patterns (one bit each).");
    const key = JSON.stringify(patterns);
    let name = this.classifiers.get(key);
    if (name !== undefined) return name;
    name = this.names.next("classify");
    this.classifiers.set(key, name);
    const cache = `${name}Cache`;
    const bits = patterns.map((pattern, i) => `(${this.regex(pattern)}.test(k) ? ${2 ** i} : 0)`);
    // The schema's own names start in the cache, classified here, so a body of reserved traits needs no pattern
    // compiled at its first check.
    const compiled = patterns.map((pattern) => new RegExp(pattern, "u"));
    const classOf = (k: string) => compiled.reduce((c, regex, i) => c | (regex.test(k) ? 2 ** i : 0), 0);
    const seeded = seeds.length === 0 ? "" : literal(seeds.map((seed) => [seed, classOf(seed)]));
    this.declare(`const ${cache} = new Map(${seeded});
function ${name}(k) {
  let c = ${cache}.get(k);
  if (c === undefined) {
    c = ${bits.join(" | ")};
    if (k.length <= ${KEY_CACHE_KEY_MAX}) {
      if (${cache}.size >= ${KEY_CACHE_MAX}) ${cache}.clear();
      ${cache}.set(k, c);
    }
  }
  return c;
}`);
    return name;
  }

  declare(code: string): void {
    this.declarations.push(code);
  }

  /** The import lines, for a module bundled from the project root. */
  importLines(codePoints: string): string {
    const formats = [...this.imports.keys()].sort();
    const lines = [`import { codePoints as ${codePoints} } from "./schemas/keywords/code-points.ts";`];
    if (formats.length > 0) lines.unshift(`import { ${formats.join(", ")} } from "./schemas/formats/index.ts";`);
    return lines.join("\n");
  }

  body(): string {
    return this.declarations.join("\n\n");
  }
}

/** The identifier the generated code counts code points with. */
export const CODE_POINTS = "codePoints";

/** A condition that holds when string `data` has more than `limit` code points, deciding from `.length` when it can. */
export function tooLong(data: string, limit: number): string {
  return `${data}.length > ${limit} && (${data}.length > ${2 * limit} || ${CODE_POINTS}(${data}) > ${limit})`;
}

/** A condition that holds when string `data` has fewer than `limit` code points. */
export function tooShort(data: string, limit: number): string {
  if (limit <= 0) return "false";
  if (limit === 1) return `${data}.length === 0`;
  return `${data}.length < ${limit} || (${data}.length < ${2 * limit} && ${CODE_POINTS}(${data}) < ${limit})`;
}
