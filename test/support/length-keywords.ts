import type Ajv2020 from "ajv/dist/2020.js";
import { _, Name, type KeywordCxt } from "ajv";

/** The identifier standalone code calls to count code points; an ESM import binds it. */
export const CODE_POINTS = "groupSpecCodePoints";

/**
 * Replaces Ajv's `minLength`/`maxLength` with code that decides from `.length` (UTF-16 units) whenever it
 * can: a string of n units holds between n/2 and n code points, so code points are counted only when the
 * unit count falls between the limit and twice the limit. A 10 MB string fails `maxLength: 255` without
 * being scanned. Errors keep Ajv's shape (`keyword`, `params.limit`).
 *
 * The generated validators state the same rule themselves (`module-scope.ts`); this Ajv keyword is the
 * reference they are compared with (test/validator-code.test.ts).
 *
 * @param codePoints the counter to call in code compiled at run time; without it the code calls
 *   {@link CODE_POINTS}, for standalone code that imports it under that name
 */
export function addLengthKeywords(ajv: Ajv2020.default, codePoints?: (s: string) => number): void {
  ajv.removeKeyword("maxLength");
  ajv.removeKeyword("minLength");
  for (const keyword of ["maxLength", "minLength"] as const) {
    ajv.addKeyword({
      keyword,
      type: "string",
      schemaType: "number",
      before: "pattern",
      error: { message: "length", params: ({ schemaCode }) => _`{limit: ${schemaCode}}` },
      code(cxt: KeywordCxt) {
        const { data, schema } = cxt;
        const limit = schema as number;
        const counter = codePoints === undefined ? new Name(CODE_POINTS) : cxt.gen.scopeValue("func", { ref: codePoints });
        const count = _`${counter}(${data})`;
        cxt.fail(
          keyword === "maxLength"
            ? _`${data}.length > ${limit} && (${data}.length > ${2 * limit} || ${count} > ${limit})`
            : _`${data}.length < ${limit} || (${data}.length < ${2 * limit} && ${count} < ${limit})`,
        );
      },
    });
  }
}
