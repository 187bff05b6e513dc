import type { CorpusCase } from "../corpus/corpus.js";
import type { Json } from "../json-schema/json.js";
import { errorResponse } from "../responses/error-response.js";
import { successResponse } from "../responses/success-response.js";
import { isKind, validate, type Kind } from "../validate.js";

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
    // The package's own verdict gives the typed body (or the issues) its envelope functions take.
    const result = validate(c.kind, c.body);
    const response = result.ok ? successResponse(c.kind, result.value, { eventId: EVENT_ID }) : errorResponse(c.kind, result.issues);
    bodies.push(toJson(response.body));
  }
  for (const kind of kinds) for (const status of STATUSES) bodies.push(toJson(errorResponse(kind, { status }).body));
  return bodies;
}

const EVENT_ID = "evt_ac8db7ba-5139-4911-ba6e-523fd9c4704b";

/** An envelope as plain JSON data (they are JSON by construction; the copy makes the type say so). */
function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}
