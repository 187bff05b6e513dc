import type { Kind } from "../../generated/validators/index.js";
import type { Issue } from "../issue.js";
import { child } from "../json-pointer.js";
import { eachTraits, traitsPath } from "./locate.js";
import { hasSpellings, reservedName } from "./reserved.js";

/**
 * `duplicate_trait` issues: two keys of one traits object that name the same reserved trait (`plan` and
 * `Plan`; in segment also `createdAt` and `created_at`). The issue points at the second key.
 */
export function duplicateTraits(kind: Kind, body: unknown, maxIssues: number): Issue[] {
  const issues: Issue[] = [];
  if (!hasSpellings(kind)) return issues;
  eachTraits(kind, body, (traits, index) => {
    if (issues.length >= maxIssues) return;
    // Keys of one object differ, so two can name one reserved trait only if one of them is not its
    // canonical spelling: most traits objects are decided by this one cheap pass, which builds nothing.
    let respelled = false;
    for (const key in traits) {
      if (!Object.hasOwn(traits, key)) continue;
      const name = reservedName(kind, key);
      if (name !== undefined && name !== key) {
        respelled = true;
        break;
      }
    }
    if (!respelled) return;
    const seen = new Map<string, string>();
    for (const key of Object.keys(traits)) {
      const name = reservedName(kind, key);
      if (name === undefined) continue;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, key);
        continue;
      }
      issues.push({
        path: child(traitsPath(kind, index), key),
        code: "duplicate_trait",
        message: `\`${key}\` and \`${first}\` both name the reserved trait \`${name}\`; send one of them.`,
      });
      if (issues.length >= maxIssues) return;
    }
  });
  return issues;
}
