/**
 * One step from a schema into the values it applies to: a named member, any item of an array, the item at an
 * index, a member no `properties` or `patternProperties` name, or members whose names match a pattern.
 */
export type Step =
  | { readonly kind: "property"; readonly name: string }
  | { readonly kind: "items" }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "additional"; readonly known: readonly string[]; readonly patterns: readonly string[] }
  | { readonly kind: "pattern"; readonly pattern: string }
  /** Members whose names match a pattern, and near misses of those names: for a pattern a schema added or dropped. */
  | { readonly kind: "names"; readonly pattern: string };

/** Steps as a path a person reads: `/*` any item, `/{other}` an unlisted member, `/{~pattern}` a matching one. */
export function formatSteps(steps: readonly Step[]): string {
  return steps
    .map((step) => {
      switch (step.kind) {
        case "property":
          return `/${step.name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
        case "items":
          return "/*";
        case "index":
          return `/${step.index}`;
        case "additional":
          return "/{other}";
        case "pattern":
        case "names":
          return `/{~${step.pattern}}`;
      }
    })
    .join("");
}
