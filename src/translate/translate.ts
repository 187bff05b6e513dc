import { GroupSpecError } from "../group-spec-error.js";
import type { Bodies, Kind } from "../../generated/validators/index.js";
import { assertValid, validate } from "../validate.js";
import { batchToGroups, groupsToBatch } from "./batch.js";
import { legacyToGroups } from "./legacy-to-thrivestack.js";
import { messageToGroup } from "./segment-to-thrivestack.js";
import { groupToMessage } from "./thrivestack-to-segment.js";
import { Trace } from "./trace.js";
import { TranslationError } from "./translation-error.js";

/** The translations `translate` supports: a source kind and a target kind. */
export const TRANSLATIONS = [
  { from: "segment", to: "thrivestack" },
  { from: "thrivestack", to: "segment" },
  { from: "thrivestack-legacy", to: "thrivestack" },
  { from: "segment-batch", to: "thrivestack" },
  { from: "thrivestack", to: "segment-batch" },
] as const satisfies readonly { readonly from: Kind; readonly to: Kind }[];

/** One supported translation, such as `{ from: "segment", to: "thrivestack" }`. */
export type Translation = (typeof TRANSLATIONS)[number];

type Body = Readonly<Record<string, unknown>>;
type Translate = (body: unknown, trace: Trace) => unknown;

const TRANSLATORS: Readonly<Record<string, Translate>> = {
  "segment>thrivestack": (body, trace) => [messageToGroup(body as Body, "", "/0", trace)],
  "thrivestack>segment": (body, trace) => {
    const groups = body as readonly Body[];
    if (groups.length !== 1) {
      trace.notCovered("", `A segment message holds one group; this body has ${groups.length}. Translate to segment-batch instead.`);
      return undefined;
    }
    return groupToMessage(groups[0]!, "/0", "", trace);
  },
  "thrivestack-legacy>thrivestack": (body, trace) => legacyToGroups(body as Body, trace),
  "segment-batch>thrivestack": (body, trace) => batchToGroups(body as Body, trace),
  "thrivestack>segment-batch": (body, trace) => groupsToBatch(body as readonly Body[], trace),
};

/**
 * Translates a body from one kind to another (see {@link TRANSLATIONS}); the README's "Normalization and
 * translation" section has the mapping table. The input is validated first (a `GroupSpecError` when invalid)
 * and its reserved trait keys are read in canonical spelling; nothing is filled in (no timestamp, no
 * `messageId`): translation carries data, it never invents it. The result is a new body, valid for the
 * target, sharing no object with the input.
 *
 * Throws a {@link TranslationError} when the pair is not supported, or when the body holds something the
 * mapping does not cover: a trait key the target would read as another reserved trait, a value the target
 * rejects (segment's 3 levels of trait nesting, thrivestack's `context.source`), a thrivestack body of more
 * than one group to one segment message, a non-group message in a batch. Each issue points into the input.
 *
 * A segment message without `userId` translates (`user_id` is its `anonymousId`), but the way back gives it
 * a `userId`; an empty segment `context` beside fields that move into the thrivestack context comes back
 * absent. Every other covered body translates there and back to its spelling-normalized self.
 *
 * @example
 * translate({ userId: "u1", groupId: "acme", traits: { name: "Acme" } }, { from: "segment", to: "thrivestack" })
 * // [{ group_id: "acme", user_id: "u1", traits: { account_name: "Acme" } }]
 */
export function translate<T extends Translation>(body: unknown, translation: T): Bodies[T["to"]] {
  const { from, to } = readTranslation(translation);
  const pair = `${from}>${to}`;
  const translator = Object.hasOwn(TRANSLATORS, pair) ? TRANSLATORS[pair] : undefined;
  if (translator === undefined) {
    const supported = TRANSLATIONS.map((t) => `${t.from} → ${t.to}`).join(", ");
    throw new TranslationError(from, to, [
      { path: "", code: "invalid", message: `Translation from ${JSON.stringify(from)} to ${JSON.stringify(to)} is not supported; supported: ${supported}.` },
    ]);
  }
  const source = assertValid(from as Kind, body);
  const trace = new Trace();
  // The body is valid JSON data, read once by validation; a getter or Proxy that answers differently the
  // second time can still make the translator fail, and that is the caller's input, not a bug.
  let result: unknown;
  try {
    result = translator(source, trace);
  } catch (error) {
    if (error instanceof TranslationError || error instanceof GroupSpecError) throw error;
    throw new TranslationError(from, to, [{ path: "", code: "invalid", message: "The body changed while it was read (a getter or a Proxy)." }]);
  }
  if (trace.issues.length > 0) throw new TranslationError(from as string, to as string, trace.issues);
  const verdict = validate(to as Kind, result);
  if (!verdict.ok) {
    throw new TranslationError(
      from as string,
      to as string,
      verdict.issues.map((issue) => ({
        path: trace.inputPath(issue.path),
        code: "invalid" as const,
        message: `The ${String(to)} body would be invalid at ${issue.path || "/"} (${issue.code}): ${issue.message}`,
      })),
    );
  }
  return verdict.value as Bodies[T["to"]];
}

/** `from` and `to` as strings, whatever the caller passed (a missing or odd translation names no kind). */
function readTranslation(translation: unknown): { from: string; to: string } {
  try {
    const { from, to } = (typeof translation === "object" && translation !== null ? translation : {}) as { from?: unknown; to?: unknown };
    return { from: typeof from === "string" ? from : String(typeof from), to: typeof to === "string" ? to : String(typeof to) };
  } catch {
    return { from: "unreadable", to: "unreadable" };
  }
}
