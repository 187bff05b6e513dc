// "Never pollutes": the built-in prototypes and the global object, as they were before a body was validated.

/** Every built-in prototype: the six a JSON value touches, then every constructor's on the global object. */
function builtinPrototypes(): ReadonlyMap<string, object> {
  const found = new Map<string, object>([
    ["Object.prototype", Object.prototype],
    ["Array.prototype", Array.prototype],
    ["Function.prototype", Function.prototype],
    ["String.prototype", String.prototype],
    ["Number.prototype", Number.prototype],
    ["Boolean.prototype", Boolean.prototype],
  ]);
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    const value: unknown = descriptor && "value" in descriptor ? descriptor.value : undefined;
    if (typeof value !== "function") continue;
    const prototype: unknown = (value as { prototype?: unknown }).prototype;
    if (typeof prototype === "object" && prototype !== null && ![...found.values()].includes(prototype)) {
      found.set(`${name}.prototype`, prototype);
    }
  }
  // Prototypes no global names: iterators, generators, typed arrays' common parent.
  const unnamed: Record<string, object> = {
    "%ArrayIteratorPrototype%": Object.getPrototypeOf([][Symbol.iterator]()) as object,
    "%IteratorPrototype%": Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object,
    "%StringIteratorPrototype%": Object.getPrototypeOf(""[Symbol.iterator]()) as object,
    "%MapIteratorPrototype%": Object.getPrototypeOf(new Map()[Symbol.iterator]()) as object,
    "%SetIteratorPrototype%": Object.getPrototypeOf(new Set()[Symbol.iterator]()) as object,
    "%RegExpStringIteratorPrototype%": Object.getPrototypeOf(/a/[Symbol.matchAll]("")) as object,
    "%TypedArray.prototype%": Object.getPrototypeOf(Uint8Array.prototype) as object,
    "%GeneratorFunction.prototype%": Object.getPrototypeOf(function* () {}) as object,
    "%AsyncFunction.prototype%": Object.getPrototypeOf(async function () {}) as object,
  };
  for (const [name, prototype] of Object.entries(unnamed)) if (![...found.values()].includes(prototype)) found.set(name, prototype);
  return found;
}

const PROTOTYPES = builtinPrototypes();
/** The six prototypes the brief names, checked after every case; the rest after every run (see `checkAll`). */
const CORE = [...PROTOTYPES].slice(0, 6);

type Shape = readonly (readonly [string | symbol, PropertyDescriptor])[];

interface ObjectSnapshot {
  readonly name: string;
  readonly target: object;
  readonly prototype: object | null;
  readonly extensible: boolean;
  readonly shape: Shape;
}

function shapeOf(target: object): Shape {
  return Reflect.ownKeys(target).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)!] as const);
}

function snapshotOf(name: string, target: object): ObjectSnapshot {
  return { name, target, prototype: Object.getPrototypeOf(target), extensible: Object.isExtensible(target), shape: shapeOf(target) };
}

/** What changed in one object since its snapshot, or `undefined`. */
function changeIn(before: ObjectSnapshot): string | undefined {
  const { name, target } = before;
  if (Object.getPrototypeOf(target) !== before.prototype) return `${name}: its prototype changed`;
  if (Object.isExtensible(target) !== before.extensible) return `${name}: its extensibility changed`;
  const keys = Reflect.ownKeys(target);
  if (keys.length !== before.shape.length) {
    const old = new Set(before.shape.map(([key]) => key));
    const added = keys.filter((key) => !old.has(key)).map(String);
    const now = new Set(keys);
    const removed = before.shape.filter(([key]) => !now.has(key)).map(([key]) => String(key));
    return `${name}: keys added [${added.join(", ")}], removed [${removed.join(", ")}]`;
  }
  for (const [key, was] of before.shape) {
    const is = Object.getOwnPropertyDescriptor(target, key);
    if (
      is === undefined ||
      !Object.is(is.value, was.value) ||
      is.get !== was.get ||
      is.set !== was.set ||
      is.writable !== was.writable ||
      is.enumerable !== was.enumerable ||
      is.configurable !== was.configurable
    ) {
      return `${name}: ${String(key)} changed`;
    }
  }
  return undefined;
}

/** A snapshot of the built-in prototypes and the global object. */
export interface BuiltinsSnapshot {
  readonly core: readonly ObjectSnapshot[];
  readonly all: readonly ObjectSnapshot[];
}

/** Takes a snapshot of every built-in prototype and of `globalThis`'s own properties. */
export function snapshotBuiltins(): BuiltinsSnapshot {
  const all = [...[...PROTOTYPES].map(([name, target]) => snapshotOf(name, target)), snapshotOf("globalThis", globalThis)];
  return { core: all.slice(0, CORE.length), all };
}

/**
 * The change to the six core prototypes since the snapshot, or a property an empty object inherits that no
 * object should (`({}).polluted`), or `undefined`. Cheap enough to run after every case.
 */
export function coreChange(snapshot: BuiltinsSnapshot): string | undefined {
  if (({} as Record<string, unknown>)["polluted"] !== undefined) return "({}).polluted is defined";
  for (const before of snapshot.core) {
    const change = changeIn(before);
    if (change !== undefined) return change;
  }
  return undefined;
}

/** The change to any built-in prototype or to the global object since the snapshot, or `undefined`. */
export function anyChange(snapshot: BuiltinsSnapshot): string | undefined {
  for (const before of snapshot.all) {
    const change = changeIn(before);
    if (change !== undefined) return change;
  }
  return undefined;
}
