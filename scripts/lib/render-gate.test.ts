import { AsyncLocalStorage } from "node:async_hooks";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerBusy, createRenderGate, isExempt } from "./render-gate.mjs";

// scripts/serve.mjs's admission of renders (decision 027), in front of a stand-in for Next that
// answers each path only when the test lets it, over real sockets so "close" is what Node sends.

type TGateOptions = { concurrency: number; maxQueue: number; maxWaitMs: number; stallMs?: number; maxStalled?: number };

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function start(options: TGateOptions, failPath = "/fail") {
  const gate = createRenderGate({ ...options, onError: (_error: unknown, response: ServerResponse) => response.writeHead(500).end() });
  const started: string[] = [];
  const pending = new Map<string, () => void>();
  let running = 0;
  let mostRunning = 0;
  const render = (request: IncomingMessage, response: ServerResponse) => async () => {
    const path = request.url ?? "/";
    started.push(path);
    if (path === failPath) throw new Error("render failed");
    running += 1;
    mostRunning = Math.max(mostRunning, running);
    await new Promise<void>((resolve) => pending.set(path, resolve));
    running -= 1;
    response.writeHead(200, { "content-type": "text/plain" }).end(`answered ${path}`);
  };
  server = createServer((request, response) => gate.run(response, render(request, response), () => answerBusy(request, response)));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
  const waitUntilStarted = async (count: number) => {
    for (let tries = 0; started.length < count && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const finish = async (path: string) => {
    for (let tries = 0; !pending.has(path) && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 5));
    pending.get(path)!();
    pending.delete(path);
  };
  return { gate, get, started, finish, waitUntilStarted, mostRunning: () => mostRunning, port };
}

describe("the render gate", () => {
  it("runs at most `concurrency` renders at once and starts the waiting ones in arrival order", async () => {
    const app = await start({ concurrency: 2, maxQueue: 10, maxWaitMs: 5_000 });
    const answers = ["/a", "/b", "/c", "/d", "/e"].map((path) => app.get(path));
    await app.waitUntilStarted(2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(app.started).toEqual(["/a", "/b"]);
    expect(app.gate.stats()).toEqual({ running: 2, waiting: 3 });
    for (const path of ["/b", "/a", "/c", "/d", "/e"]) await app.finish(path);
    const bodies = await Promise.all(answers.map(async (answer) => (await answer).text()));
    expect(bodies).toEqual(["/a", "/b", "/c", "/d", "/e"].map((path) => `answered ${path}`));
    expect(app.started.slice(2)).toEqual(["/c", "/d", "/e"]);
    expect(app.mostRunning()).toBe(2);
    expect(app.gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses with 503 and Retry-After once the queue is full", async () => {
    const app = await start({ concurrency: 1, maxQueue: 1, maxWaitMs: 5_000 });
    const first = app.get("/first");
    await app.waitUntilStarted(1);
    const queued = app.get("/queued");
    await new Promise((resolve) => setTimeout(resolve, 30));
    const refused = await app.get("/api/v1/refused");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/try again/);
    await app.finish("/first");
    await app.finish("/queued");
    expect((await first).status).toBe(200);
    expect((await queued).status).toBe(200);
    expect(app.started).toEqual(["/first", "/queued"]);
  });

  it("refuses a request that waited longer than maxWaitMs, with a page for a page", async () => {
    const app = await start({ concurrency: 1, maxQueue: 5, maxWaitMs: 50 });
    const first = app.get("/slow");
    await app.waitUntilStarted(1);
    const late = await app.get("/agreements/late");
    expect(late.status).toBe(503);
    expect(late.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await late.text()).toMatch(/<h1>Busy for a moment<\/h1>/);
    await app.finish("/slow");
    expect((await first).status).toBe(200);
    expect(app.started).toEqual(["/slow"]);
    expect(app.gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("drops a waiting request whose client went away, without rendering it", async () => {
    const app = await start({ concurrency: 1, maxQueue: 5, maxWaitMs: 5_000 });
    const first = app.get("/holding");
    await app.waitUntilStarted(1);
    const leaving = httpRequest({ host: "127.0.0.1", port: app.port, path: "/gone" });
    leaving.on("error", () => {});
    leaving.end();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(app.gate.stats().waiting).toBe(1);
    leaving.destroy();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(app.gate.stats().waiting).toBe(0);
    const next = app.get("/next");
    await app.finish("/holding");
    await app.finish("/next");
    expect((await first).status).toBe(200);
    expect((await next).status).toBe(200);
    expect(app.started).toEqual(["/holding", "/next"]);
  });

  it("frees the slot of a render that fails", async () => {
    const app = await start({ concurrency: 1, maxQueue: 5, maxWaitMs: 5_000 });
    expect((await app.get("/fail")).status).toBe(500);
    const after = app.get("/after");
    await app.finish("/after");
    expect((await after).status).toBe(200);
    expect(app.gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("starts a waiting render in its own request's async context, not in the one that freed its slot", async () => {
    const requestStore = new AsyncLocalStorage<string>();
    const gate = createRenderGate({ concurrency: 1, maxQueue: 5, maxWaitMs: 5_000 });
    const seen: (string | undefined)[] = [];
    let releaseFirst = () => {};
    server = createServer((request, response) =>
      requestStore.run(request.url ?? "?", () =>
        gate.run(
          response,
          async () => {
            seen.push(requestStore.getStore());
            if (request.url === "/first") await new Promise<void>((resolve) => (releaseFirst = resolve));
            response.end("ok");
          },
          () => answerBusy(request, response),
        ),
      ),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const first = fetch(`${base}/first`);
    for (let tries = 0; seen.length < 1 && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = fetch(`${base}/second`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    releaseFirst();
    await Promise.all([first, second]);
    expect(seen).toEqual(["/first", "/second"]);
  });

  it("stops counting a render that has run past stallMs, up to maxStalled of them, so others need not wait out its deadline", async () => {
    const app = await start({ concurrency: 1, maxQueue: 5, maxWaitMs: 5_000, stallMs: 100, maxStalled: 1 });
    const stuck = app.get("/stuck");
    await app.waitUntilStarted(1);
    const queued = [app.get("/second"), app.get("/third")];
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(app.started).toEqual(["/stuck"]);
    // Once /stuck has run 100 ms, /second gets a slot; /third waits, as one stalled render is the most not counted.
    await app.waitUntilStarted(2);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(app.started).toEqual(["/stuck", "/second"]);
    expect(app.gate.stats()).toEqual({ running: 2, waiting: 1 });
    await app.finish("/second");
    await app.waitUntilStarted(3);
    expect(app.started).toEqual(["/stuck", "/second", "/third"]);
    await app.finish("/third");
    await app.finish("/stuck");
    expect((await Promise.all([stuck, ...queued])).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(app.gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("lets the health check and exports past the gate", () => {
    const request = (url: string) => ({ url }) as IncomingMessage;
    expect(isExempt(request("/api/health"))).toBe(true);
    expect(isExempt(request("/exports/developments.csv?agreement=x"))).toBe(true);
    expect(isExempt(request("/agreements/gsomia"))).toBe(false);
    expect(isExempt(request("/api/healthy"))).toBe(false);
  });
});
