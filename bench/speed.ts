/**
 * Time per body of each contender on each payload. The machine is shared and noisy, so the contenders of one
 * payload are timed in turn, in several rounds (each starting with a different contender), and each keeps the
 * median of its round medians: ratios then compare times taken moments apart.
 */

import { do_not_optimize, measure } from "mitata";
import type { Kind } from "../generated/validators/index.js";
import { JSON_PARSE, PACKAGE, type Contender } from "./contenders.js";
import type { Payload } from "./payloads.js";

/** How long each contender runs per round, in nanoseconds of CPU time. */
const CPU_TIME_PER_ROUND = 30e6;
/** Rounds per payload. */
export const ROUNDS = 3;

export interface SpeedResult {
  readonly kind: Kind;
  readonly payload: string;
  readonly bytes: number;
  readonly bodies: number;
  /** The package's verdict: true when every body is accepted. */
  readonly valid: boolean;
  readonly contenders: readonly {
    readonly name: string;
    readonly nsPerBody: number;
    /** Whether its verdict on every body equals the package's (always true for JSON.parse). */
    readonly agrees: boolean;
  }[];
}

type Run = (input: never) => unknown;

export async function timePayload(payload: Payload, all: readonly Contender[]): Promise<SpeedResult> {
  const pkg = all.find((c) => c.name === PACKAGE)!.check[payload.kind] as (body: unknown) => boolean;
  const expected = payload.bodies.map((body) => Boolean(pkg(body)));
  const rounds = new Map<string, number[]>(all.map((c) => [c.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < all.length; i++) {
      const contender = all[(i + round) % all.length]!;
      const inputs = (contender.onText ? payload.texts : payload.bodies) as readonly never[];
      rounds.get(contender.name)!.push(await nsPerInput(contender.check[payload.kind] as Run, inputs));
    }
  }
  return {
    kind: payload.kind,
    payload: payload.shape,
    bytes: payload.bytes,
    bodies: payload.bodies.length,
    valid: expected.every(Boolean),
    contenders: all.map((contender) => ({
      name: contender.name,
      nsPerBody: median(rounds.get(contender.name)!),
      agrees: contender.name === JSON_PARSE || agrees(contender.check[payload.kind] as Run, payload.bodies, expected),
    })),
  };
}

async function nsPerInput(run: Run, inputs: readonly never[]): Promise<number> {
  const n = inputs.length;
  const stats = await measure(
    () => {
      for (let i = 0; i < n; i++) do_not_optimize(run(inputs[i]!));
    },
    { min_cpu_time: CPU_TIME_PER_ROUND, min_samples: 6, warmup_samples: 1 },
  );
  return stats.p50 / n;
}

function agrees(run: Run, bodies: readonly unknown[], expected: readonly boolean[]): boolean {
  return bodies.every((body, i) => {
    try {
      return Boolean(run(body as never)) === expected[i];
    } catch {
      return false;
    }
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
