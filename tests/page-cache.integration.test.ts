import { randomBytes } from "node:crypto";
import { createServer, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPageCache, isCacheable } from "../scripts/lib/page-cache.mjs";
import { createPublishedVersionReader } from "../scripts/lib/published-version.mjs";
import { useTestDatabase } from "./support/test-database";

// The page cache of scripts/serve.mjs (decision 024) in front of a small page that renders from
// the database as Next.js does (a CSP nonce in the header and the body), against the real
// published version: served again only while no write has committed, with a new nonce each time,
// never for a caller with credentials, never past its time. It runs embedded too: the cache is
// off there in the app, but its logic is the same and this file never overlaps two transactions.

const database = useTestDatabase();

type TServer = { url: string; renders: () => number; clock: { now: number }; close: () => Promise<void>; size: () => { entries: number; bytes: number } };

async function startCachedServer(options: { maxBytes?: number; ttlMs?: number; status?: number; setCookie?: boolean; renderMs?: number } = {}): Promise<TServer> {
  const reader = createPublishedVersionReader(database.url);
  const clock = { now: Date.now() };
  const cache = createPageCache({ readVersion: reader.read, maxBytes: options.maxBytes ?? 1024 * 1024, ttlMs: options.ttlMs ?? 30_000, now: () => clock.now });
  let renders = 0;
  const render = async (request: IncomingMessage, response: ServerResponse) => {
    renders += 1;
    const nonce = randomBytes(16).toString("base64");
    const [party] = await database.db.$queryRaw<{ name: string }[]>`SELECT name FROM "Party" WHERE code = 'JPN'`;
    if (options.renderMs) await new Promise((resolve) => setTimeout(resolve, options.renderMs));
    response.statusCode = options.status ?? 200;
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    if (options.setCookie) response.setHeader("set-cookie", "seen=1");
    // Written in pieces, as a streamed render is.
    response.write(`<!DOCTYPE html><title>${party?.name ?? "none"}</title>`);
    response.write(`<script nonce="${nonce}">1</script><p>${request.url}</p>`);
    response.end(`<script nonce="${nonce}">2</script>`);
  };
  const server: Server = createServer((request, response) => {
    void cache.handle(request, response, () => render(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    renders: () => renders,
    clock,
    size: cache.size,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await reader.close();
    },
  };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const body = await response.text();
  const policy = response.headers.get("content-security-policy") ?? "";
  return { status: response.status, body, cache: response.headers.get("x-pactwatch-cache"), nonce: /'nonce-([^']+)'/.exec(policy)?.[1] ?? null };
}

describe("the page cache", () => {
  let server: TServer;
  beforeAll(async () => {
    await database.db.party.upsert({ where: { code: "JPN" }, create: { code: "JPN", name: "Japan", kind: "STATE" }, update: { name: "Japan" } });
    server = await startCachedServer();
  });
  afterAll(() => server.close());

  it("answers a repeated signed-out request without rendering, with a fresh nonce in the header and every script", async () => {
    const first = await get(`${server.url}/parties/JPN`);
    const second = await get(`${server.url}/parties/JPN`);
    const third = await get(`${server.url}/parties/JPN`);
    expect([first.cache, second.cache, third.cache]).toEqual(["miss", "hit", "hit"]);
    expect(server.renders()).toBe(1);
    expect(second.nonce).not.toBe(first.nonce);
    expect(third.nonce).not.toBe(second.nonce);
    for (const answer of [first, second, third]) {
      expect(answer.body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${answer.nonce}"`, `nonce="${answer.nonce}"`]);
      expect(answer.body.replaceAll(answer.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
    }
  });

  it("renders again once a write commits, and keeps the new answer", async () => {
    await get(`${server.url}/after-write`);
    const renders = server.renders();
    await database.db.party.update({ where: { code: "JPN" }, data: { name: "Japan (renamed)" } });
    const after = await get(`${server.url}/after-write`);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("<title>Japan (renamed)</title>");
    expect((await get(`${server.url}/after-write`)).cache).toBe("hit");
    expect(server.renders()).toBe(renders + 1);
    await database.db.party.update({ where: { code: "JPN" }, data: { name: "Japan" } });
  });

  it("never answers a caller with a cookie, credentials, a search, a fresh-answer request or a navigation from the cache", async () => {
    await get(`${server.url}/personal`);
    const renders = server.renders();
    const personal: Record<string, string>[] = [{ cookie: "pactwatch.session-token=x" }, { authorization: "Bearer pw_x" }, { "cache-control": "no-cache" }, { rsc: "1" }];
    for (const headers of personal) expect((await get(`${server.url}/personal`, headers)).cache).toBeNull();
    expect((await get(`${server.url}/personal?q=gsomia`)).cache).toBeNull();
    expect((await get(`${server.url}/personal?q=gsomia`)).cache).toBeNull();
    expect(server.renders()).toBe(renders + personal.length + 2);
    expect(isCacheable({ method: "POST", url: "/personal", headers: {} } as IncomingMessage)).toBe(false);
    expect(isCacheable({ method: "GET", url: "/exports/developments.csv", headers: {} } as IncomingMessage)).toBe(false);
  });

  it("is served compressed to a client that accepts gzip", async () => {
    const path = `/compressed?${"x".repeat(2000)}`;
    await get(`${server.url}${path}`);
    // node:http, which (unlike fetch) hands over the bytes as they travelled.
    const { headers, bytes } = await new Promise<{ headers: IncomingMessage["headers"]; bytes: Buffer }>((resolve, reject) => {
      httpGet(`${server.url}${path}`, { headers: { "accept-encoding": "gzip", accept: "*/*" } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, bytes: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
    expect(headers["x-pactwatch-cache"]).toBe("hit");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(Number(headers["content-length"])).toBe(bytes.length);
    expect(gunzipSync(bytes).toString()).toContain("<title>Japan</title>");
  });

  it("keeps an answer no longer than its time to live, nor past the next recorded instant a change takes effect", async () => {
    await get(`${server.url}/timed`);
    server.clock.now += 29_000;
    expect((await get(`${server.url}/timed`)).cache).toBe("hit");
    server.clock.now += 2_000;
    expect((await get(`${server.url}/timed`)).cache).toBe("miss");

    // A published change due in ten seconds: an answer kept now is good for ten seconds, not thirty.
    const agreement = await database.db.agreement.create({ data: { slug: "due-soon", title: "Due soon", kind: "OTHER" } });
    const author = await database.db.user.create({ data: { email: "due-soon@example.org", name: "Due soon", role: "ANALYST" } });
    const occurredAt = new Date();
    const effectiveAt = new Date(Date.now() + 10_000);
    await database.db.statusChange.create({
      data: { agreementId: agreement.id, authorId: author.id, status: "TERMINATED", state: "PUBLISHED", headline: "Ends in ten seconds", occurredAt, effectiveAt, effectiveTime: effectiveAt, publishedAt: occurredAt },
    });
    server.clock.now = Date.now();
    expect((await get(`${server.url}/timed`)).cache).toBe("miss");
    server.clock.now += 9_000;
    expect((await get(`${server.url}/timed`)).cache).toBe("hit");
    server.clock.now += 2_000;
    expect((await get(`${server.url}/timed`)).cache).toBe("miss");
  });

  it("keeps nothing but a 200 without Set-Cookie, and stays within its size", async () => {
    const failing = await startCachedServer({ status: 404 });
    const cookie = await startCachedServer({ setCookie: true });
    const small = await startCachedServer({ maxBytes: 2_000 });
    try {
      for (const other of [failing, cookie]) {
        await get(`${other.url}/page`);
        await get(`${other.url}/page`);
        expect(other.renders()).toBe(2);
        expect(other.size().entries).toBe(0);
      }
      for (let index = 0; index < 20; index++) await get(`${small.url}/page-${index}`);
      expect(small.size().bytes).toBeLessThanOrEqual(2_000);
      expect(small.size().entries).toBeGreaterThan(0);
      expect((await get(`${small.url}/page-19`)).cache).toBe("hit");
      expect((await get(`${small.url}/page-0`)).cache).toBe("miss");
    } finally {
      await Promise.all([failing.close(), cookie.close(), small.close()]);
    }
  });

  it("renders a page once for the readers who ask for it while it renders, and answers them all", async () => {
    const slow = await startCachedServer({ renderMs: 150, status: 200 });
    const failing = await startCachedServer({ renderMs: 100, status: 500 });
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => get(`${slow.url}/rush`)));
      expect(slow.renders()).toBe(1);
      expect(answers.map((answer) => answer.cache).sort()).toEqual(["hit", "hit", "hit", "hit", "hit", "miss"]);
      for (const answer of answers) expect(answer.body.replaceAll(answer.nonce!, "N")).toBe(answers[0]!.body.replaceAll(answers[0]!.nonce!, "N"));
      // A render that is not kept answers only its own reader; the others who waited render theirs.
      const failed = await Promise.all(Array.from({ length: 3 }, () => get(`${failing.url}/rush`)));
      expect(failed.map((answer) => answer.status)).toEqual([500, 500, 500]);
      expect(failing.renders()).toBe(3);
    } finally {
      await Promise.all([slow.close(), failing.close()]);
    }
  });

  it("renders every request while the version cannot be read", async () => {
    const reader = { read: () => Promise.reject(new Error("connection refused")) };
    const errors: string[] = [];
    const cache = createPageCache({ readVersion: reader.read, maxBytes: 1024 * 1024, ttlMs: 30_000, onError: (error: Error) => errors.push(error.message) });
    let renders = 0;
    const server = createServer((request, response) => {
      void cache.handle(request, response, () => {
        renders += 1;
        response.end("rendered");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`;
      expect(await (await fetch(url)).text()).toBe("rendered");
      expect(await (await fetch(url)).text()).toBe("rendered");
      expect(renders).toBe(2);
      expect(errors).toEqual(["connection refused", "connection refused"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
