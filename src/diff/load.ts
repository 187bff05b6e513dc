import { execFile } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { isObject, type Json } from "../json-schema/json.js";
import { openapiSlots } from "./openapi-slots.js";
import type { Slot, Spec } from "./spec.js";
import { SpecReadError } from "./spec-read-error.js";

/** The most bytes read from one document or git object; a larger one is refused, not read. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
/** The most `.json` files read from one folder. */
export const MAX_FOLDER_FILES = 2000;

/**
 * Reads OLD or NEW: an OpenAPI document (a JSON file with `openapi`), a JSON Schema file or a folder of them,
 * or else a git ref of the checkout in `cwd`: `REF` reads `REF:generated/openapi.json`, `REF:path` that path.
 * Throws {@link SpecReadError} when it is none of these.
 */
export async function loadSpec(source: string, cwd: string): Promise<Spec> {
  const path = resolve(cwd, source);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return folderSpec(source, path);
  if (info?.isFile()) {
    if (info.size > MAX_DOCUMENT_BYTES) throw new SpecReadError(`${source}: larger than ${MAX_DOCUMENT_BYTES} bytes.`);
    return fileSpec(source, parse(source, await readFile(path, "utf8")), dirname(path));
  }
  return gitSpec(source, cwd);
}

function fileSpec(source: string, doc: Json, dir: string | undefined): Promise<Spec> | Spec {
  if (isObject(doc) && typeof doc["openapi"] === "string") {
    const info = doc["info"];
    const version = isObject(info) && typeof info["version"] === "string" ? info["version"] : undefined;
    return { source, version, documents: new Map([["doc", doc]]), slots: openapiSlots(doc) };
  }
  const name = basename(source);
  return withPackageVersion({ source, version: undefined, documents: new Map([[name, doc]]), slots: [schemaSlot(name, doc)] }, dir);
}

async function folderSpec(source: string, dir: string): Promise<Spec> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  if (names.length > MAX_FOLDER_FILES) throw new SpecReadError(`${source}: more than ${MAX_FOLDER_FILES} .json files.`);
  const documents = new Map<string, Json>();
  let total = 0;
  for (const name of names) {
    const file = join(dir, name);
    total += (await stat(file)).size;
    if (total > MAX_DOCUMENT_BYTES) throw new SpecReadError(`${source}: its .json files hold more than ${MAX_DOCUMENT_BYTES} bytes.`);
    documents.set(name, parse(`${source}/${name}`, await readFile(file, "utf8")));
  }
  if (documents.size === 0) throw new SpecReadError(`${source}: no .json files.`);
  const slots = [...documents].map(([name, doc]) => schemaSlot(name, doc));
  return withPackageVersion({ source, version: undefined, documents, slots }, dir);
}

/** A folder's file: a response when named `*-success.json` or `*-error.json`, otherwise a request body. */
function schemaSlot(name: string, doc: Json): Slot {
  const examples = isObject(doc) && Array.isArray(doc["examples"]) ? doc["examples"] : [];
  return { name, side: /-(success|error)\.json$/.test(name) ? "response" : "request", doc: name, pointer: "", examples };
}

/** A folder's version: `version` of the nearest package.json at most three folders up. */
async function withPackageVersion(spec: Spec, dir: string | undefined): Promise<Spec> {
  for (let level = 0, at = dir; at !== undefined && level < 4; level++, at = dirname(at) === at ? undefined : dirname(at)) {
    const text = await readFile(join(at, "package.json"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const data = JSON.parse(text) as unknown;
    return { ...spec, version: isObject(data) && typeof data["version"] === "string" ? data["version"] : undefined };
  }
  return spec;
}

async function gitSpec(source: string, cwd: string): Promise<Spec> {
  if (source.startsWith("-") || source.length === 0) throw new SpecReadError(`${source}: not a file, folder or git ref.`);
  const object = source.includes(":") ? source : `${source}:generated/openapi.json`;
  const text = await new Promise<string>((done, fail) => {
    execFile("git", ["show", object], { cwd, maxBuffer: MAX_DOCUMENT_BYTES, encoding: "utf8" }, (error, stdout) => {
      if (error) fail(new SpecReadError(`${source}: not a file, folder or git ref (git show ${object}: ${firstLine(error.message)}).`));
      else done(stdout);
    });
  });
  return fileSpec(source, parse(object, text), undefined);
}

function parse(name: string, text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new SpecReadError(`${name}: not JSON (${(error as Error).message}).`);
  }
}

function firstLine(text: string): string {
  const lines = text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("Command failed"));
  return (lines[0] ?? text).trim();
}
