import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import segmentSchema from "../generated/json-schema/segment-group.json" with { type: "json" };
import * as segment from "../src/kinds/segment.js";
import * as segmentBatch from "../src/kinds/segment-batch.js";
import * as thrivestack from "../src/kinds/thrivestack.js";
import * as legacy from "../src/kinds/thrivestack-legacy.js";
import { KINDS, validate, validateJson, type Kind } from "../src/index.js";
import type { KindEntry } from "../src/kind-entry.js";
import type { StandardSchemaV1 } from "../src/standard-schema.js";
import type { Bodies } from "../src/index.js";
import { loadCorpus } from "./support/corpus.js";

// Issue 12, part 1 and 2: one entry point per kind (`group-spec/segment`, ...) with validate, assertValid,
// validateJson, schema and a Standard Schema object, loading no other kind's validator.

const ENTRIES: Record<Kind, Pick<KindEntry<Kind>, "validate" | "validateJson" | "standard"> & { readonly schema: unknown }> = {
  thrivestack,
  "thrivestack-legacy": legacy,
  segment,
  "segment-batch": segmentBatch,
};

describe.each(KINDS)("group-spec/%s", (kind) => {
  const entry = ENTRIES[kind];
  const cases = loadCorpus().filter((c) => c.kind === kind);

  it("answers the corpus exactly as the root functions do", () => {
    for (const { body } of cases) {
      expect(entry.validate(body)).toEqual(validate(kind, body));
      expect(entry.validateJson(JSON.stringify(body))).toEqual(validateJson(kind, JSON.stringify(body)));
    }
  });

  it("is a Standard Schema v1: the value, or issues with a message and a path of keys", () => {
    const std = entry.standard["~standard"];
    expect([std.version, std.vendor]).toEqual([1, "group-spec"]);
    for (const { body, valid } of cases) {
      const result = std.validate(body);
      if (valid) expect(result).toEqual({ value: body });
      else {
        const root = validate(kind, body);
        expect(result.issues?.map((i) => i.message)).toEqual(root.ok ? [] : root.issues.map((i) => i.message));
        for (const issue of result.issues ?? []) for (const key of issue.path ?? []) expect(["string", "number"]).toContain(typeof key);
      }
    }
  });

  it("gives its JSON Schema for draft 2020-12, and refuses another target", () => {
    const { jsonSchema } = entry.standard["~standard"];
    expect(jsonSchema.input({ target: "draft-2020-12" })).toEqual(entry.schema);
    expect(jsonSchema.output({ target: "draft-2020-12" })["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(() => jsonSchema.input({ target: "draft-07" })).toThrow(/draft-07/);
  });
});

it("paths are keys, array indices as numbers", () => {
  const result = segmentBatch.standard["~standard"].validate({ batch: [{ type: "group", userId: "u" }] });
  expect(result.issues?.[0]?.path).toEqual(["batch", 0, "groupId"]);
  expect(segment.schema).toEqual(segmentSchema);
});

/** The min+gzip size of a module that imports `validate` from `from`, bundled by esbuild as an app would. */
async function bundled(from: string): Promise<{ bytes: number; text: string }> {
  const result = await build({
    stdin: { contents: `export { validate } from ${JSON.stringify(from)};`, resolveDir: import.meta.dirname, loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "node",
    logLevel: "silent",
  });
  const text = result.outputFiles[0]!.text;
  return { bytes: gzipSync(text).length, text };
}

it("import { validate } from group-spec/segment bundles smaller than the root, with no other kind's validator", async () => {
  const one = await bundled("../src/kinds/segment.ts");
  const root = await bundled("../src/index.ts");
  expect(one.bytes).toBeLessThan(root.bytes * 0.6);
  // The thrivestack validator seeds its key classifier with its trait names: ["account_name",1], ...
  expect({ one: one.text.includes('["account_name",'), root: root.text.includes('["account_name",') }).toEqual({ one: false, root: true });
});

it("is assignable to the Standard Schema interface", () => {
  const schema: StandardSchemaV1<unknown, Bodies["segment"]> = segment.standard;
  expect(schema["~standard"].vendor).toBe("group-spec");
});
