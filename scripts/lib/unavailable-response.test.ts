import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markRequestDatabaseUnavailable } from "../../lib/server/database-unavailable";
import { handleWithUnavailableGuard } from "./unavailable-response.mjs";

// scripts/serve.mjs's guard with a stand-in for Next's handler, each path answering as Next
// does: a status, then a streamed or whole body. "mark" paths fail as a render does when the
// database is away (instrumentation.ts calls the same markRequestDatabaseUnavailable).

const NEXT_BODY = "<!DOCTYPE html><html><body>Next's own error shell</body></html>";
const later = () => new Promise((resolve) => setTimeout(resolve, 5));

async function fakeNext(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  await later();
  if (url.searchParams.has("mark")) markRequestDatabaseUnavailable();
  await later();
  const status = Number(url.searchParams.get("status") ?? 500);
  response.setHeader("content-security-policy", "default-src 'self'");
  if (url.searchParams.get("style") === "head") {
    response.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(NEXT_BODY) });
    response.end(NEXT_BODY);
    return;
  }
  // Streamed, as Next sends a render: the status set, the head sent by the first write.
  response.statusCode = status;
  response.setHeader("content-type", "text/html; charset=utf-8");
  response.write(NEXT_BODY.slice(0, 20));
  await later();
  response.write(NEXT_BODY.slice(20));
  response.end();
}

let server: Server;
let origin = "";

beforeAll(async () => {
  server = createServer((request, response) => void handleWithUnavailableGuard(fakeNext, request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string) {
  const response = await fetch(`${origin}${path}`);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe("handleWithUnavailableGuard", () => {
  it.each(["stream", "head"])("turns a marked 500 (%s) into the 503 page with Retry-After, without Next's bytes", async (style) => {
    const answer = await get(`/agreements/gsomia?mark&style=${style}`);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(answer.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("content-security-policy"), "security headers stay").toBe("default-src 'self'");
    expect(answer.body).toContain("<h1>Temporarily unavailable</h1>");
    expect(answer.body).toContain("nothing was saved");
    expect(answer.body).toContain('href="/agreements/gsomia?mark&#38;style=');
    expect(answer.body).not.toContain("Next's own error shell");
  });

  it("answers problem+json under /api/", async () => {
    const answer = await get("/api/v1/whatever?mark");
    expect(answer.status).toBe(503);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.parse(answer.body)).toMatchObject({ status: 503, title: "UNAVAILABLE", retryAfterSeconds: 5 });
  });

  it("leaves a 500 alone when the database was not the cause", async () => {
    const answer = await get("/agreements/gsomia");
    expect(answer.status).toBe(500);
    expect(answer.headers.get("retry-after")).toBeNull();
    expect(answer.body).toBe(NEXT_BODY);
  });

  it("leaves a marked request alone when it answered anyway", async () => {
    const answer = await get("/agreements/gsomia?mark&status=200");
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(NEXT_BODY);
  });

  it("marks only its own request among concurrent ones, and keeps the connection usable", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => get(`/page-${index}${index % 2 ? "?mark" : ""}`)));
    expect(answers.map((answer) => answer.status)).toEqual([500, 503, 500, 503, 500, 503, 500, 503, 500, 503]);
    // Keep-alive: a reused connection parses cleanly after a replaced answer.
    expect((await get("/after?status=200")).body).toBe(NEXT_BODY);
  });
});
