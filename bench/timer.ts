/**
 * Time per input of several contenders on the same inputs, read as ratios. The machine is shared and noisy, so
 * the contenders run in turn, round after round (each round starting with the next contender), and each keeps
 * the median of its samples: the ratios compare times taken moments apart. Each contender gets its own loop
 * function, so no call site is shared (and made polymorphic) between them.
 */

/** One thing to time: a function and the inputs it is called with, one call per input. */
export interface Contender {
  readonly name: string;
  readonly run: (input: never) => unknown;
  readonly inputs: readonly unknown[];
}

type Loop = (times: number) => unknown;

/** Keeps every result reachable, so the calls cannot be optimized away. */
let sink: unknown;

function loopOf(contender: Contender): Loop {
  // A fresh function per contender: its call site sees one callee only.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function(
    "run",
    "inputs",
    `return function loop(times) {
      const n = inputs.length;
      let last;
      for (let t = 0; t < times; t++) for (let i = 0; i < n; i++) last = run(inputs[i]);
      return last;
    };`,
  ) as (run: Contender["run"], inputs: readonly unknown[]) => Loop;
  return make(contender.run, contender.inputs);
}

/**
 * The CPU time (user + system, in ns) of `times` passes. CPU time rather than wall time: on a machine shared
 * with other busy processes, a wall-clock sample also counts the time slices this process waited for.
 */
function elapsedNs(loop: Loop, times: number): number {
  const start = process.cpuUsage();
  sink = loop(times);
  const used = process.cpuUsage(start);
  return (used.user + used.system) * 1000;
}

/** How long one sample runs, in ms: short enough that a preemption by another process spoils few of them. */
const SAMPLE_MS = 1.5;

/** How many passes over its inputs take about `ms`, after a warm-up of at least `warmupMs`. */
function calibrate(loop: Loop, ms: number, warmupMs: number): number {
  let times = 1;
  let spent = 0;
  for (;;) {
    const ns = elapsedNs(loop, times);
    spent += Math.max(ns, 1000);
    if (ns >= ms * 1e6 || times >= 2 ** 24) {
      if (spent >= warmupMs * 1e6) return Math.max(1, Math.round((times * ms * 1e6) / ns));
    } else {
      times *= 2;
    }
  }
}

/**
 * The median ns per input (of process CPU time) of each contender, by name. In each of `rounds` rounds every
 * contender in turn takes samples of about 1.5 ms for about `roundMs` of CPU time; a contender's figure is the
 * median of all its samples, so samples disturbed by other processes (caches, GC) fall outside the middle.
 */
export function timeInterleaved(contenders: readonly Contender[], rounds: number, roundMs: number): Map<string, number> {
  const loops = contenders.map(loopOf);
  const times = loops.map((loop) => calibrate(loop, SAMPLE_MS, 2 * roundMs));
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + round) % contenders.length;
      const perSample = times[i]! * contenders[i]!.inputs.length;
      for (let spent = 0; spent < roundMs * 1e6; ) {
        const ns = elapsedNs(loops[i]!, times[i]!);
        samples[i]!.push(ns / perSample);
        spent += Math.max(ns, 1000);
      }
    }
  }
  if (sink === Symbol.for("never")) process.stdout.write("");
  return new Map(contenders.map((c, i) => [c.name, median(samples[i]!)]));
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
