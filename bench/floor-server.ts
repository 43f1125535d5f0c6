// The floor: a bare node:http + pg server that runs, for each read, the very statements the app
// issued for it (captured, bench/lib/capture.ts) on one pooled connection and answers their rows
// as JSON. What Pactwatch does beyond this is its own cost.
//   usage: tsx bench/floor-server.ts <statements.json> <port> <database url>
import fs from "node:fs";
import { createServer } from "node:http";
import pg from "pg";
import type { TCaptured } from "./lib/capture";

const [file, portText, url] = process.argv.slice(2);
if (!file || !portText || !url) {
  console.error("usage: tsx bench/floor-server.ts <statements.json> <port> <database url>");
  process.exit(2);
}
const captured = JSON.parse(fs.readFileSync(file, "utf8")) as TCaptured;
// The app's pool: ten connections, JIT off, the same statement timeout.
const pool = new pg.Pool({ connectionString: url, max: 10, statement_timeout: 30_000, options: "-c jit=off", application_name: "pactwatch-floor" });

const server = createServer(async (request, response) => {
  const read = decodeURIComponent((request.url ?? "/").slice(1).split("?")[0] ?? "");
  if (read === "health") {
    response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    return;
  }
  const statements = captured[read];
  if (!statements) {
    response.writeHead(404, { "content-type": "text/plain" }).end(`no statements captured for ${read}`);
    return;
  }
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    const results: unknown[][] = [];
    for (const statement of statements) results.push((await client.query(statement.sql, statement.values)).rows);
    const body = JSON.stringify(results);
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  } catch (error) {
    response.writeHead(500, { "content-type": "text/plain" }).end((error as Error).message);
  } finally {
    client?.release();
  }
});
server.listen(Number(portText), "127.0.0.1", () => console.log(`floor listening on ${portText} with ${Object.keys(captured).length} reads`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => void pool.end().then(() => process.exit(0))));
