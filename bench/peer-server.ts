// The peer: PostGraphile 4, a GraphQL server generated from the same schema, on the same data and
// the same pool size as the app. Installed on demand into bench/peer (see lib/peer.ts).
//   usage: tsx bench/peer-server.ts <port> <database url>
import { createServer, type RequestListener } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";

const [portText, url] = process.argv.slice(2);
if (!portText || !url) {
  console.error("usage: tsx bench/peer-server.ts <port> <database url>");
  process.exit(2);
}
const require = createRequire(path.join(import.meta.dirname, "peer", "package.json"));
const { postgraphile } = require("postgraphile") as { postgraphile: (pool: pg.Pool, schema: string, options: Record<string, unknown>) => RequestListener };
const pool = new pg.Pool({ connectionString: url, max: 10, options: "-c jit=off", application_name: "pactwatch-peer" });
const handler = postgraphile(pool, "public", { graphiql: false, disableQueryLog: true, disableDefaultMutations: true, retryOnInitFail: false, enableQueryBatching: false });
createServer((request, response) => {
  if (request.url === "/health") {
    response.writeHead(200).end("ok");
    return;
  }
  handler(request, response);
}).listen(Number(portText), "127.0.0.1", () => console.log(`PostGraphile peer listening on ${portText}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
