/**
 * A dialect's envelope from its JSON template (generated/dialects.ts): every string value `"{name}"` is
 * replaced by `values[name]`, everything else is copied. Templates are the package's own, small and
 * shallow; values are put in as they are, never copied or walked.
 */
export function fillEnvelope(template: unknown, values: Readonly<Record<string, unknown>>): unknown {
  if (typeof template === "string") {
    const name = /^\{(\w+)\}$/.exec(template)?.[1];
    return name !== undefined && Object.hasOwn(values, name) ? values[name] : template;
  }
  if (Array.isArray(template)) return template.map((item) => fillEnvelope(item, values));
  if (typeof template !== "object" || template === null) return template;
  return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillEnvelope(value, values)]));
}
