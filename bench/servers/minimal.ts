/**
 * The floor the reference server is measured against: a minimal `node:http` JSON server that reads the
 * body, `JSON.parse`s it and answers 200 (400 when it does not parse), on 127.0.0.1 and the port given
 * (0: any free one). It checks nothing else. Started by bench/server-load.ts in its own process.
 */

import { createServer } from "node:http";

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    let status = 200;
    try {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      status = 400;
    }
    const body = status === 200 ? '{"success":true}' : '{"success":false}';
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  process.stdout.write(`listening on http://127.0.0.1:${port}/\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
