import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The root, and one entry per body kind that loads no other kind's validator.
    entry: {
      index: "src/index.ts",
      thrivestack: "src/kinds/thrivestack.ts",
      "thrivestack-legacy": "src/kinds/thrivestack-legacy.ts",
      segment: "src/kinds/segment.ts",
      "segment-batch": "src/kinds/segment-batch.ts",
      // The group-call handler per framework, and the TypeBox definitions (peer: @sinclair/typebox).
      fetch: "src/fetch.ts",
      express: "src/express.ts",
      fastify: "src/fastify.ts",
      typebox: "src/typebox.ts",
      // The reference server as a test sink (Node.js only).
      sink: "src/sink.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    target: "node20",
    platform: "node",
    clean: true,
    sourcemap: false,
  },
  {
    // The CLI, and the worker `validate --ndjson --jobs N` starts beside it (src/cli/ndjson/pool.ts finds it as
    // ./ndjson-worker.js next to the bundled code; shared code is split into chunks the two load).
    entry: { cli: "src/cli.ts", "ndjson-worker": "src/cli/ndjson/worker.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
