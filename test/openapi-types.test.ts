import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Issue 13: `import type { paths, components, operations } from "group-spec/openapi"` type-checks under the
// resolutions clients use. The fixture imports the package by its own name (a self-reference through
// package.json `exports`), as an installed package would be imported; TypeScript's compiler runs in this
// process, one program per resolution, sharing the source files it already parsed.

const FIXTURES = join(import.meta.dirname, "fixtures");
const BASE: ts.CompilerOptions = { noEmit: true, strict: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, types: [] };

const SETTINGS: Record<string, { file: string; options: ts.CompilerOptions }> = {
  "node16 (ESM)": { file: "openapi-consumer.ts", options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 } },
  "node16 (CommonJS)": { file: "openapi-consumer.cts", options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 } },
  nodenext: { file: "openapi-consumer.ts", options: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext } },
  bundler: { file: "openapi-consumer.ts", options: { module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler } },
};

let previous: ts.Program | undefined;

describe("group-spec/openapi", () => {
  it.each(Object.keys(SETTINGS))("type-checks under %s resolution", (name) => {
    const { file, options } = SETTINGS[name]!;
    const program = ts.createProgram({ rootNames: [join(FIXTURES, file)], options: { ...BASE, ...options }, oldProgram: previous });
    previous = program;
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  });

  it("would report a body the types refuse", () => {
    const host = ts.createCompilerHost({ ...BASE, ...SETTINGS["bundler"]!.options });
    const source = `import type { paths } from "group-spec/openapi";\nexport const body: NonNullable<paths["/v1/group"]["post"]["requestBody"]>["content"]["application/json"] = { groupId: 5 };\n`;
    const file = join(FIXTURES, "refused-consumer.ts");
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) => (name === file ? ts.createSourceFile(name, source, version) : read(name, version));
    const program = ts.createProgram({ rootNames: [file], options: { ...BASE, ...SETTINGS["bundler"]!.options }, host });
    expect(ts.getPreEmitDiagnostics(program).length).toBeGreaterThan(0);
  });
});
