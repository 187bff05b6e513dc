import type { CorpusCase } from "../corpus/corpus.js";
import type { Json } from "../json-schema/json.js";
import { errorResponse } from "../responses/error-response.js";
import { successResponse } from "../responses/success-response.js";
import { isKind, type Kind } from "../validate.js";

const STATUSES = [401, 413, 429, 500] as const;

/**
 * Response bodies to seed a response's search: this package's envelopes for each corpus case (success for the
 * valid ones, the 400 with its issues for the others) and each other error status. Which of them a response
 * schema accepts, the seeds' filter decides.
 */
export function envelopeSeeds(cases: readonly CorpusCase[]): Json[] {
  const bodies: Json[] = [];
  const kinds = new Set<Kind>();
  for (const c of cases) {
    if (!isKind(c.kind)) continue;
    kinds.add(c.kind);
    if (c.valid) bodies.push(toJson(successResponse(c.kind, c.body as never, { eventId: "evt_ac8db7ba-5139-4911-ba6e-523fd9c4704b" }).body));
    else bodies.push(toJson(errorResponse(c.kind, c.issues.map((issue) => ({ ...issue, message: "m" })) as never).body));
  }
  for (const kind of kinds) for (const status of STATUSES) bodies.push(toJson(errorResponse(kind, { status }).body));
  return bodies;
}

/** An envelope as plain JSON data (they are JSON by construction; the copy makes the type say so). */
function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}
