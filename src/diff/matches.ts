/** Whether `name` matches a schema's pattern (ECMA-262 with the `u` flag, as Ajv reads it); a broken pattern matches nothing. */
export function matches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern, "u").test(name);
  } catch {
    return false;
  }
}
