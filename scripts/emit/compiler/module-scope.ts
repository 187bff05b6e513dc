import type { JsonObject } from "../plain.js";
import { Definitions, literal, Names } from "./schema-model.js";

/** A name that keys of one object may spell several ways (`Plan`, `plan`), and the pattern of its spellings. */
export interface SpelledName {
  readonly name: string;
  readonly pattern: string;
}

/** The most spelled names one object may have (two 32-bit masks of names seen, in the verdict). */
const MAX_SPELLED = 64;

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
  /** The object schemas whose keys must name each reserved name at most once, and those names. */
  private readonly spelled = new Map<JsonObject, readonly SpelledName[]>();

  /**
   * @param defs the `$defs` of the body's schema document
   * @param formatFunctions for each format name, the name of its checker exported by schemas/formats/index.ts
   * @param spelled for named schemas (`$defs` names) of objects whose keys may spell one name several ways, the
   *   names and the pattern of each one's spellings: two keys of one such object must not spell one name
   */
  constructor(
    readonly defs: Definitions,
    private readonly formatFunctions: Readonly<Record<string, string>>,
    spelled: Readonly<Record<string, readonly SpelledName[]>> = {},
  ) {
    for (const [name, names] of Object.entries(spelled)) {
      if (names.length > MAX_SPELLED) throw new Error(`At most ${MAX_SPELLED} spelled names per object (${name}).`);
      if (defs.has(name)) this.spelled.set(defs.get(name), names);
    }
  }

  /** The names whose spellings the keys of this object schema may hold at most once, if it has such names. */
  spelledNames(schema: JsonObject): readonly SpelledName[] | undefined {
    return this.spelled.get(schema);
  }

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
   * (the first caller's) are classified at generation time. With `spelled`, a key that matches some pattern and
   * spells one of those names also carries the name's number (1-based) from bit `patterns.length` up (see
   * {@link spelledShift}); every spelling of a name must match one of the patterns.
   */
  classifier(patterns: readonly string[], seeds: readonly string[] = [], spelled: readonly SpelledName[] = []): string {
    if (patterns.length > 30) throw new Error("A key classifier holds at most 30 patterns (one bit each).");
    const shift = patterns.length;
    if (spelled.length > 0 && 2 ** (31 - shift) <= spelled.length) throw new Error("Too many patterns and spelled names for one 31-bit class.");
    const key = JSON.stringify([patterns, spelled]);
    let name = this.classifiers.get(key);
    if (name !== undefined) return name;
    name = this.names.next("classify");
    this.classifiers.set(key, name);
    const cache = `${name}Cache`;
    const bits = patterns.map((pattern, i) => `(${this.regex(pattern)}.test(k) ? ${2 ** i} : 0)`);
    // The schema's own names start in the cache, classified here, so a body of reserved traits needs no pattern
    // compiled at its first check.
    const compiled = patterns.map((pattern) => new RegExp(pattern, "u"));
    const spellings = spelled.map(({ pattern }) => new RegExp(pattern, "u"));
    const classOf = (k: string) => {
      const c = compiled.reduce((c, regex, i) => c | (regex.test(k) ? 2 ** i : 0), 0);
      const number = spellings.findIndex((regex) => regex.test(k)) + 1;
      if (number > 0 && c === 0) throw new Error(`The spelling ${k} of ${spelled[number - 1]!.name} matches no key pattern.`);
      return c === 0 ? 0 : c + number * 2 ** shift;
    };
    const seeded = seeds.length === 0 ? "" : literal(seeds.map((seed) => [seed, classOf(seed)]));
    let spelledCode = "";
    if (spelled.length > 0) {
      const regexes = `${name}Spellings`;
      this.declare(`const ${regexes} = [${spelled.map(({ pattern }) => this.regex(pattern)).join(", ")}];`);
      spelledCode = `\n    if (c !== 0) for (let i = 0; i < ${regexes}.length; i++) if (${regexes}[i].test(k)) {\n      c += (i + 1) * ${2 ** shift};\n      break;\n    }`;
    }
    this.declare(`const ${cache} = new Map(${seeded});
function ${name}(k) {
  let c = ${cache}.get(k);
  if (c === undefined) {
    c = ${bits.join(" | ")};${spelledCode}
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
