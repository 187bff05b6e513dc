/**
 * TypeBox's TypeCompiler on the package's own TypeBox definitions, with the package's format checkers in
 * TypeBox's FormatRegistry. A peer, not product: TypeBox counts string lengths in UTF-16 units.
 */

import { FormatRegistry } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import type { Kind } from "../../generated/validators/index.js";
import { formats } from "../../schemas/formats/index.js";
import { dialects } from "../../schemas/registry.js";

/** One compiled TypeBox check per kind (of `kinds`). */
export function typeboxValidators(kinds?: readonly Kind[]): Record<Kind, (body: unknown) => boolean> {
  for (const [name, check] of Object.entries(formats)) if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
  const out = {} as Record<Kind, (body: unknown) => boolean>;
  for (const operation of dialects.flatMap((d) => d.operations)) {
    if (kinds !== undefined && !kinds.includes(operation.kind as Kind)) continue;
    const check = TypeCompiler.Compile(operation.request);
    // TypeBox 0.34's compiled code shadows `key` in nested records and throws on some nested trait values.
    out[operation.kind as Kind] = (body) => {
      try {
        return check.Check(body);
      } catch {
        return false;
      }
    };
  }
  return out;
}
