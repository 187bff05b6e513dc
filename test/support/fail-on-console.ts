// No test writes to the console unless that is what it tests: any console call fails the test that made it.
for (const method of ["log", "info", "warn", "error", "debug"] as const) {
  console[method] = (...args: unknown[]) => {
    throw new Error(`Unexpected console.${method} in a test: ${args.map(String).join(" ").slice(0, 200)}`);
  };
}
