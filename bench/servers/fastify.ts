/**
 * The framework peer: Fastify 5 with Ajv 2020 (full formats) compiling the package's own published JSON
 * Schemas at start-up, as a Fastify user would serve the segment routes: `POST /v1/group` and
 * `POST /v1/batch`, 200 `{"success":true}` on a valid body, Fastify's 400 otherwise. No credentials, no store:
 * it does less than the reference server. Started by bench/server-load.ts in its own process.
 */

import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020.js";
import Fastify from "fastify";
import { schemaOf } from "../peers/schemas.js";

const ajv = new Ajv2020.default({ allowMatchingProperties: true, strictTypes: false, coerceTypes: false, useDefaults: false, removeAdditional: false });
addFormats.default(ajv, { mode: "full" });

const app = Fastify({ logger: false, bodyLimit: 512 * 1024 });
app.setValidatorCompiler(({ schema }) => ajv.compile(schema));
const reply = { success: true };
app.post("/v1/group", { schema: { body: schemaOf("segment") } }, async () => reply);
app.post("/v1/batch", { schema: { body: schemaOf("segment-batch") } }, async () => reply);

const url = await app.listen({ port: Number(process.argv[2] ?? 0), host: "127.0.0.1" });
process.stdout.write(`listening on ${url}/\n`);
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
