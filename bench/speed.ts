/**
 * In-process speed on parsed bodies: the public `validate()` (root and per-kind entry, from dist/), the
 * internal verdict it wraps, the hand-written check, the standalone JSON Schema peers and `JSON.parse` of the
 * same bytes, per kind and payload. On invalid payloads the peers run with `allErrors`, as the package
 * reports every issue (up to its limit).
 */

import { validators, type Kind } from "../generated/validators/index.js";
import type { KindEntry, RootEntry } from "./dist.js";
import { edgeCases } from "./edge-cases.js";
import { handWritten } from "./peers/hand-written.js";
import { loadPeer, STANDALONE, type PeerModule, type PeerValidator, type StandaloneName } from "./peers/standalone.js";
import { typeboxValidators } from "./peers/typebox.js";
import { valibotValidators } from "./peers/valibot.js";
import { zodValidators } from "./peers/zod.js";
import type { Payload } from "./payloads.js";
import { timeInterleaved, type Contender } from "./timer.js";

/** Contender names the targets refer to. */
export const NAMES = {
  validate: "validate()",
  entry: "group-spec/<kind> validate",
  verdict: "internal verdict",
  handWritten: "hand-written",
  jsonParse: "JSON.parse",
} as const;

/** Every contender's time on one payload of one kind. */
export interface SpeedResult {
  readonly kind: Kind;
  readonly payload: string;
  readonly bytes: number;
  readonly bodies: number;
  /** The package's verdict on every body of the payload. */
  readonly valid: boolean;
  /** ns per body, by contender; `agrees` is false when a contender's verdict differs from the package's. */
  readonly contenders: readonly { readonly name: string; readonly ns: number; readonly agrees: boolean }[];
}

/** What the speed section needs loaded. */
export interface SpeedSetup {
  readonly root: RootEntry;
  readonly entries: Record<Kind, KindEntry>;
  readonly peers: Record<StandaloneName, Record<Kind, PeerModule>>;
  readonly extraPeers: boolean;
}

type Verdict = (body: unknown) => boolean;

async function peerVerdicts(setup: SpeedSetup, kind: Kind, valid: boolean): Promise<[string, PeerValidator][]> {
  const names: StandaloneName[] = valid
    ? [STANDALONE.ajvFull, STANDALONE.ajvFast, STANDALONE.schemasafe]
    : [STANDALONE.ajvFullAll, STANDALONE.ajvFastAll, STANDALONE.schemasafeAll];
  const out: [string, PeerValidator][] = [];
  for (const name of names) {
    const module = setup.peers[name][kind];
    if ("file" in module) out.push([name, await loadPeer(module)]);
  }
  return out;
}

/** Times every contender on one payload. */
export async function timePayload(setup: SpeedSetup, payload: Payload, rounds: number, roundMs: number): Promise<SpeedResult> {
  const { kind, bodies, texts } = payload;
  const entry = setup.entries[kind];
  const verdicts: [string, Verdict][] = [
    [NAMES.validate, (body) => setup.root.validate(kind, body).ok],
    [NAMES.entry, (body) => entry.validate(body).ok],
    [NAMES.verdict, validators[kind] as Verdict],
    [NAMES.handWritten, handWritten[kind]],
    ...(await peerVerdicts(setup, kind, payload.valid)),
  ];
  if (setup.extraPeers) {
    verdicts.push(["typebox compiler", typeboxValidators([kind])[kind]], ["zod 4", zodValidators[kind]], ["valibot 1", valibotValidators[kind]]);
  }
  const expected = bodies.map((body) => validators[kind](body));
  const contenders: Contender[] = [
    // validate() is timed as users call it: the result object is what it returns.
    { name: NAMES.validate, run: ((body: unknown) => setup.root.validate(kind, body)) as Contender["run"], inputs: bodies },
    { name: NAMES.entry, run: ((body: unknown) => entry.validate(body)) as Contender["run"], inputs: bodies },
    ...verdicts.slice(2).map(([name, run]): Contender => ({ name, run: run as Contender["run"], inputs: bodies })),
    { name: NAMES.jsonParse, run: JSON.parse as Contender["run"], inputs: texts },
  ];
  const ns = timeInterleaved(contenders, rounds, roundMs);
  const agreeing = new Map(verdicts.map(([name, run]) => [name, bodies.every((body, i) => safe(run, body) === expected[i])]));
  return {
    kind,
    payload: payload.shape,
    bytes: payload.bytes,
    bodies: bodies.length,
    valid: expected.every(Boolean),
    contenders: contenders.map((c) => ({ name: c.name, ns: ns.get(c.name)!, agrees: agreeing.get(c.name) ?? true })),
  };
}

function safe(run: Verdict, body: unknown): boolean {
  try {
    return Boolean(run(body));
  } catch {
    return false;
  }
}

/** Contender names of the `validateJson()` timings. */
export const JSON_NAMES = {
  validateJson: "validateJson()",
  entry: "group-spec/<kind> validateJson",
  parseValidate: "JSON.parse + validate()",
  validateJsonBytes: "validateJson(bytes)",
  parseBytesValidate: "decode + JSON.parse + validate()",
  jsonParse: "JSON.parse",
} as const;

/** Every `validateJson()` contender's time on one body. */
export interface JsonSpeedResult {
  readonly kind: Kind;
  readonly bytes: number;
  /** `validateJson()`'s verdict (all bodies are meant to be valid). */
  readonly valid: boolean;
  readonly contenders: readonly { readonly name: string; readonly ns: number }[];
}

/** Times `validateJson()` on one body as text and as UTF-8 bytes, against `JSON.parse` + `validate()`. */
export function timeJson(setup: SpeedSetup, kind: Kind, text: string, rounds: number, roundMs: number): JsonSpeedResult {
  const { root } = setup;
  const entry = setup.entries[kind];
  const bytes = Buffer.from(text);
  const decoder = new TextDecoder();
  const run = (f: (input: never) => unknown) => f as Contender["run"];
  const contenders: Contender[] = [
    { name: JSON_NAMES.validateJson, run: run((t: string) => root.validateJson(kind, t)), inputs: [text] },
    { name: JSON_NAMES.entry, run: run((t: string) => entry.validateJson(t)), inputs: [text] },
    { name: JSON_NAMES.parseValidate, run: run((t: string) => root.validate(kind, JSON.parse(t))), inputs: [text] },
    { name: JSON_NAMES.validateJsonBytes, run: run((b: Uint8Array) => root.validateJson(kind, b)), inputs: [bytes] },
    { name: JSON_NAMES.parseBytesValidate, run: run((b: Uint8Array) => root.validate(kind, JSON.parse(decoder.decode(b)))), inputs: [bytes] },
    { name: JSON_NAMES.jsonParse, run: JSON.parse as Contender["run"], inputs: [text] },
  ];
  const ns = timeInterleaved(contenders, rounds, roundMs);
  return {
    kind,
    bytes: bytes.length,
    valid: root.validateJson(kind, text).ok,
    contenders: contenders.map((c) => ({ name: c.name, ns: ns.get(c.name)! })),
  };
}

/** One edge case and each verdict contender's answer on it. */
export interface EdgeResult {
  readonly name: string;
  /** The package's verdict. */
  readonly expected: boolean;
  readonly verdicts: Record<string, boolean>;
}

/** The verdicts of `validate()`, the hand-written check and the standalone peers on the edge cases where validators disagree. */
export async function edgeVerdicts(setup: SpeedSetup): Promise<EdgeResult[]> {
  const verdicts: [string, Verdict][] = [
    [NAMES.validate, (body) => setup.root.validate("segment", body).ok],
    [NAMES.handWritten, handWritten.segment],
    ...(await peerVerdicts(setup, "segment", true)),
  ];
  return edgeCases().map((edge) => ({
    name: edge.name,
    expected: edge.valid,
    verdicts: Object.fromEntries(verdicts.map(([name, run]) => [name, safe(run, edge.body)])),
  }));
}
