import { child } from "../json-pointer.js";
import { copyJson, setOwn } from "../normalize.js";
import { isObject } from "../traits/locate.js";
import type { Trace } from "./trace.js";
import { LEGACY_TO_THRIVESTACK, mapTraits } from "./trait-map.js";

/**
 * A valid legacy body as the one group object of a thrivestack body: `group_id`, `user_id`, `timestamp` and
 * `context` kept, traits by {@link LEGACY_TO_THRIVESTACK} (`employees: "100"` → `100`). One way only:
 * thrivestack has no required `traits` or `timestamp`, so not every thrivestack body has a legacy form.
 */
export function legacyToGroups(body: Readonly<Record<string, unknown>>, trace: Trace): Record<string, unknown>[] {
  const group: Record<string, unknown> = {};
  trace.link("", "");
  trace.link("/0", "");
  for (const key of ["group_id", "user_id", "traits", "context", "timestamp"]) {
    if (!Object.hasOwn(body, key)) continue;
    const value = body[key];
    const at = child("", key);
    const out = child("/0", key);
    setOwn(group, key, key === "traits" && isObject(value) ? mapTraits(LEGACY_TO_THRIVESTACK, value, at, out, trace) : copyJson(value));
    trace.link(out, at);
  }
  return [group];
}
