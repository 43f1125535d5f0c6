import { beforeAll, describe, expect, it } from "vitest";
import { GET as listAgreementsApi } from "../../app/api/v1/agreements/get";
import { POST as postSource } from "../../app/api/v1/sources/route";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { openSession } from "../../lib/server/auth/sessions";
import { encodeSessionToken, SESSION_COOKIE } from "../../lib/server/auth/session-token";
import { createDatabase, setDatabase } from "../../lib/server/db";
import type { TSignedInActor } from "../../lib/server/permissions";
import { refusedPageSearch } from "../../lib/server/rate-limits/page-limits";
import { takeAnonymousSearch } from "../../lib/server/rate-limits/request-limits";
import { requestFrom, useLimitsEnv } from "../support/limits-env";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";

// The request rate limits of decision 017, against the real PostgreSQL counters: fired in
// parallel, exactly the limit gets through; two database clients (two app processes) share the
// count; every refusal is a 429 whose Retry-After is the seconds left in the window.

const SEARCHES = 8;
const WRITES = 6;
useLimitsEnv({ RATE_LIMIT_SEARCHES_PER_MINUTE: String(SEARCHES), RATE_LIMIT_WRITES_PER_MINUTE: String(WRITES) });
const database = useTestDatabase();
const ORIGIN = "http://pactwatch.test";
const params = { params: Promise.resolve({}) };

let analyst: TSignedInActor;
let analystToken: string;
let otherToken: string;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST");
  analystToken = await createTestToken(database.db, analyst.id);
  otherToken = await createTestToken(database.db, (await createTestUser(database.db, "ANALYST")).id);
});

const searchFrom = (address: string, q = "treaty") => runAsActor(null, () => listAgreementsApi(requestFrom(address, `${ORIGIN}/api/v1/agreements?q=${q}`), params));

function writeWith(token: string, address: string, index: number): Promise<Response> {
  const request = requestFrom(address, `${ORIGIN}/api/v1/sources`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ url: `https://example.org/limits/${address}/${index}-${Math.random()}`, title: "T", publisher: "P" }),
  });
  return runAsActor(null, () => postSource(request, params));
}

/** The statuses of responses, and every 429's Retry-After checked against its problem body. */
async function outcomes(responses: Response[]): Promise<{ statuses: number[]; retryAfters: number[] }> {
  const retryAfters: number[] = [];
  for (const response of responses) {
    if (response.status !== 429) continue;
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as { retryAfterSeconds: number; detail: string };
    const header = Number(response.headers.get("retry-after"));
    expect(header).toBe(problem.retryAfterSeconds);
    expect(problem.detail).toMatch(/Try again in \d+ s\.$/);
    retryAfters.push(header);
  }
  return { statuses: responses.map((response) => response.status), retryAfters };
}

const count = (statuses: number[], status: number) => statuses.filter((one) => one === status).length;

describe("anonymous searches", () => {
  it("let exactly the limit through when fired at once from one address, and tell the rest when to come back", async () => {
    const started = Date.now();
    const { statuses, retryAfters } = await outcomes(await Promise.all(Array.from({ length: SEARCHES * 3 }, () => searchFrom("192.0.2.10"))));
    expect(count(statuses, 200)).toBe(SEARCHES);
    expect(count(statuses, 429)).toBe(SEARCHES * 2);
    // The window opened with the first point: what is left of its minute, in whole seconds.
    const left = 60 - (Date.now() - started) / 1000;
    for (const seconds of retryAfters) {
      expect(seconds).toBeGreaterThanOrEqual(Math.floor(left) - 1);
      expect(seconds).toBeLessThanOrEqual(60);
    }
    // Another address has its own count.
    expect((await searchFrom("192.0.2.11")).status).toBe(200);
  });

  it("count only searches, and never signed-in readers", async () => {
    for (let index = 0; index < SEARCHES + 2; index++) {
      expect((await runAsActor(null, () => listAgreementsApi(requestFrom("192.0.2.20", `${ORIGIN}/api/v1/agreements?q=%20`), params))).status).toBe(200);
    }
    const reader = await createTestUser(database.db, "READER");
    const signedIn = await Promise.all(
      Array.from({ length: SEARCHES + 2 }, () => runAsActor(reader, () => listAgreementsApi(requestFrom("192.0.2.21", `${ORIGIN}/api/v1/agreements?q=treaty`), params))),
    );
    expect(signedIn.map((response) => response.status)).toEqual(Array(SEARCHES + 2).fill(200));
  });

  it("share one count across two database clients (two app processes)", async () => {
    const otherProcess = createDatabase({ url: database.url, poolSize: 2 });
    try {
      const attempts: Promise<unknown>[] = [];
      for (let index = 0; index < SEARCHES * 2; index++) {
        // The limiter takes its client synchronously, so each attempt runs on the one set here.
        setDatabase(index % 2 === 0 ? database.db : otherProcess);
        attempts.push(takeAnonymousSearch("192.0.2.30"));
      }
      setDatabase(database.db);
      const settled = await Promise.allSettled(attempts);
      expect(settled.filter((one) => one.status === "fulfilled")).toHaveLength(SEARCHES);
      for (const refused of settled.filter((one) => one.status === "rejected")) {
        expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: expect.any(Number) } });
      }
    } finally {
      setDatabase(database.db);
      await otherProcess.$disconnect();
    }
  });

  it("on pages are refused with a readable 429 page, before any page renders; a signed-in reader is not counted", async () => {
    const page = (address: string, headers: Record<string, string> = {}) => refusedPageSearch(requestFrom(address, `${ORIGIN}/search?q=gsomia`, { headers }));
    const answers = await Promise.all(Array.from({ length: SEARCHES + 4 }, () => page("192.0.2.40")));
    expect(answers.filter((answer) => answer === null)).toHaveLength(SEARCHES);
    const refused = answers.filter((answer): answer is Response => answer !== null);
    expect(refused).toHaveLength(4);
    for (const response of refused) {
      expect(response.status).toBe(429);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      const html = await response.text();
      expect(html).toContain("<h1>Too many requests</h1>");
      expect(html).toMatch(/Too many searches from your address \(8 a minute without signing in\)\. Try again in \d+ s\./);
    }
    // Pages without q=, and API paths (counted in apiRoute), pass untouched.
    expect(await refusedPageSearch(requestFrom("192.0.2.40", `${ORIGIN}/search`))).toBeNull();
    expect(await refusedPageSearch(requestFrom("192.0.2.40", `${ORIGIN}/api/v1/agreements?q=x`))).toBeNull();
    // A valid session is not counted; a forged cookie is.
    const reader = await createTestUser(database.db, "READER");
    const cookie = `${SESSION_COOKIE}=${await encodeSessionToken(reader.id, await openSession(reader.id))}`;
    expect(await page("192.0.2.40", { cookie })).toBeNull();
    expect((await page("192.0.2.40", { cookie: `${SESSION_COOKIE}=forged` }))?.status).toBe(429);
  });
});

describe("API writes", () => {
  it("let exactly the limit per token through when fired at once", async () => {
    const { statuses } = await outcomes(await Promise.all(Array.from({ length: WRITES + 5 }, (_, index) => writeWith(analystToken, `192.0.2.${100 + index}`, index))));
    // Each from its own address: only the token's count refuses.
    expect(count(statuses, 201)).toBe(WRITES);
    expect(count(statuses, 429)).toBe(5);
    expect(await database.db.source.count({ where: { url: { contains: "/limits/192.0.2.1" } } })).toBe(WRITES);
  });

  it("count every token from one address together", async () => {
    const address = "198.51.100.77";
    const first = await Promise.all(Array.from({ length: WRITES - 2 }, (_, index) => writeWith(otherToken, address, index)));
    expect(first.map((response) => response.status)).toEqual(Array(WRITES - 2).fill(201));
    // A fresh token, but the address has only two writes left this minute.
    const fresh = await createTestToken(database.db, analyst.id);
    const { statuses } = await outcomes(await Promise.all(Array.from({ length: 5 }, (_, index) => writeWith(fresh, address, 100 + index))));
    expect(count(statuses, 201)).toBe(2);
    expect(count(statuses, 429)).toBe(3);
  });

  it("count a session's writes per account", async () => {
    const author = await createTestUser(database.db, "ANALYST");
    const responses = await Promise.all(
      Array.from({ length: WRITES + 3 }, (_, index) =>
        runAsActor(author, () =>
          postSource(
            requestFrom(`203.0.113.${index}`, `${ORIGIN}/api/v1/sources`, {
              method: "POST",
              // A cookie write is taken only from our own pages (same-origin.ts).
              headers: { "content-type": "application/json", origin: ORIGIN },
              body: JSON.stringify({ url: `https://example.org/session/${index}`, title: "T", publisher: "P" }),
            }),
            params,
          ),
        ),
      ),
    );
    const { statuses } = await outcomes(responses);
    expect(count(statuses, 201)).toBe(WRITES);
    expect(count(statuses, 429)).toBe(3);
  });
});
