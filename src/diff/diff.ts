import { Checker, type Check } from "../json-schema/checker.js";
import type { Json } from "../json-schema/json.js";
import { compareSlot } from "./compare.js";
import { classify, type Finding } from "./finding.js";
import { seedsFor, type Seeds } from "./seeds.js";
import type { Slot, Spec } from "./spec.js";
import { formatSteps } from "./step.js";
import { allowsBreaking } from "./version.js";
import { findWitnesses } from "./witness.js";
import { nodeAt } from "./schema-node.js";

/** Bodies to start witnesses from, beside each document's own examples. */
export interface DiffSeeds {
  readonly requests: readonly Json[];
  readonly responses: readonly Json[];
}

/** The outcome of `group-spec diff`. */
export interface DiffResult {
  readonly old: { readonly source: string; readonly version: string | undefined };
  readonly new: { readonly source: string; readonly version: string | undefined };
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<Finding["class"], number>>;
  /** Whether NEW's version allows a breaking change (major, or before 1.0 minor, went up). */
  readonly versionAllowsBreaking: boolean;
  /** 1 when a breaking change is confirmed and the version does not allow it, else 0. */
  readonly exitCode: 0 | 1;
}

/**
 * Compares two specs body by body and confirms each change with a witness: a body one side's validator accepts
 * and the other's refuses. Bodies only OLD describes are breaking for senders when they are requests (OLD's
 * examples and seeds are the witnesses: NEW has nowhere to send them); bodies only NEW describes are info.
 * `seeds` may be a function, called once, when the first change needs a witness.
 */
export function diffSpecs(old: Spec, next: Spec, seeds: DiffSeeds | (() => DiffSeeds)): DiffResult {
  let known: DiffSeeds | undefined = typeof seeds === "function" ? undefined : seeds;
  const lazy = () => (known ??= (seeds as () => DiffSeeds)());
  const oldChecker = new Checker(old.documents);
  const nextChecker = new Checker(next.documents);
  const findings: Finding[] = [];
  const nextSlots = new Map(next.slots.map((slot) => [slot.name, slot]));
  const oldSlots = new Map(old.slots.map((slot) => [slot.name, slot]));
  for (const slot of old.slots) {
    const other = nextSlots.get(slot.name);
    if (other === undefined) findings.push(removed(slot, oldChecker, lazy));
    else findings.push(...compareBodies(slot, other, old, next, oldChecker, nextChecker, lazy));
  }
  for (const slot of next.slots) {
    if (oldSlots.has(slot.name)) continue;
    findings.push({ slot: slot.name, side: slot.side, at: "", keyword: "body", direction: "none", summary: `${slot.side} added`, class: "info", note: "new in NEW", tried: 0 });
  }
  const counts = { breaking: 0, compatible: 0, unconfirmed: 0, info: 0 };
  for (const finding of findings) counts[finding.class]++;
  const versionAllowsBreaking = allowsBreaking(old.version, next.version);
  return {
    old: { source: old.source, version: old.version },
    new: { source: next.source, version: next.version },
    findings,
    counts,
    versionAllowsBreaking,
    exitCode: counts.breaking > 0 && !versionAllowsBreaking ? 1 : 0,
  };
}

function compareBodies(slot: Slot, other: Slot, old: Spec, next: Spec, oldChecker: Checker, nextChecker: Checker, seeds: () => DiffSeeds): Finding[] {
  const changes = compareSlot({ documents: old.documents, slot }, { documents: next.documents, slot: other });
  if (changes.length === 0) return [];
  const checks = compile(slot, other, old, next, oldChecker, nextChecker);
  let found: Seeds | undefined;
  return changes.map((change): Finding => {
    const base = { slot: change.slot, side: change.side, at: formatSteps(change.steps), keyword: change.keyword, direction: change.direction, summary: change.summary };
    if (change.direction === "none") return { ...base, ...classify(change.side, "none", undefined, undefined), tried: 0 };
    if ("error" in checks) return { ...base, class: "unconfirmed", note: `could not confirm: ${checks.error}`, tried: 0 };
    found ??= seedsFor([...slot.examples, ...other.examples, ...(slot.side === "request" ? seeds().requests : seeds().responses)], checks.old, checks.next);
    const search = findWitnesses(change, found, checks.old, checks.next);
    return { ...base, ...classify(change.side, change.direction, search.narrowed, search.widened), tried: search.tried };
  });
}

function compile(slot: Slot, other: Slot, old: Spec, next: Spec, oldChecker: Checker, nextChecker: Checker): { old: Check; next: Check } | { error: string } {
  // Compiled where the bare `$ref`s lead, so the responses that share one envelope share one compiled check.
  const a = nodeAt(old.documents, slot.doc, slot.pointer) ?? slot;
  const b = nodeAt(next.documents, other.doc, other.pointer) ?? other;
  try {
    return { old: oldChecker.check(a.doc, a.pointer), next: nextChecker.check(b.doc, b.pointer) };
  } catch (error) {
    return { error: `a schema of ${slot.name} cannot be compiled (${(error as Error).message})` };
  }
}

/** A body only OLD describes: a request's witness is any body OLD accepts, as NEW has no operation for it. */
function removed(slot: Slot, checker: Checker, seeds: () => DiffSeeds): Finding {
  const base = { slot: slot.name, side: slot.side, at: "", keyword: "body", direction: "narrowed" as const, summary: `${slot.side} removed` };
  if (slot.side === "response") return { ...base, class: "info", note: "no longer documented", tried: 0 };
  let check: Check;
  try {
    check = checker.check(slot.doc, slot.pointer);
  } catch (error) {
    return { ...base, class: "unconfirmed", note: `could not confirm: ${(error as Error).message}`, tried: 0 };
  }
  const candidates = [...slot.examples, ...seeds().requests];
  const body = candidates.find((candidate) => check(candidate).ok);
  if (body === undefined) return { ...base, class: "unconfirmed", note: "could not confirm: no body tried is accepted by OLD", tried: candidates.length };
  const witness = { direction: "narrowed" as const, body, edit: "none", refusal: "NEW describes no such body" };
  return { ...base, class: "breaking", note: "breaking for senders: NEW has no such operation", witness, tried: candidates.length };
}
