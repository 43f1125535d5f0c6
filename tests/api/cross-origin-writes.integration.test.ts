import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as agreementRoute from "../../app/api/v1/agreements/[slug]/route";
import * as statusChangeRoutes from "../../app/api/v1/status-changes/route";
import { resetEnvCache } from "../../lib/server/env";
import type { TSignedInActor } from "../../lib/server/permissions";
import { callRoute, problemOf, type TCall, type TRouteHandler } from "../support/api-calls";
import { countWrites, createTestAgreement, logForm } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";

// Issue 10 item 2: a page on another port of the same host wrote to /api/v1 with the visitor's
// session cookie (same-site, so SameSite=Lax sent it), posting text/plain;charset=application/json
// to skip the CORS preflight. Writes by session must now come from our own origin; tokens are
// unaffected; the media type must be exactly application/json.

const database = useTestDatabase();
let analyst: TSignedInActor;
let token: string;
let slug: string;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST");
  token = await createTestToken(database.db, analyst.id);
  slug = await createTestAgreement(database.db, analyst);
});

afterEach(() => {
  delete process.env.PUBLIC_URL;
  resetEnvCache();
});

const logBody = () => ({ ...logForm(`agreement:${slug}`), headline: `Logged ${crypto.randomUUID()}` });
const post = (call: TCall) => callRoute(statusChangeRoutes.POST as TRouteHandler, "POST", "/api/v1/status-changes", { body: logBody(), ...call });

describe("writes signed in with the session cookie", () => {
  it("are refused with 403 and a clear message from a page on another port, writing nothing", async () => {
    const before = await countWrites(database.db);
    const attempts: Record<string, string>[] = [
      { origin: "http://pactwatch.test:3151" },
      { origin: "http://evil.example" },
      { origin: "null" },
      { origin: "https://pactwatch.test" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      {},
      // A forged Sec-Fetch-Site does not outvote the Origin a browser sent.
      { origin: "http://pactwatch.test:3151", "sec-fetch-site": "same-origin" },
    ];
    for (const headers of attempts) {
      const response = await post({ session: analyst, headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      const problem = await problemOf(response);
      expect(problem.detail).toContain("must come from Pactwatch's own pages");
      expect(problem.detail).toContain("Authorization: Bearer");
      expect(problem.reason).toBe("cross-origin");
    }
    const patch = await callRoute(agreementRoute.PATCH as TRouteHandler, "PATCH", `/api/v1/agreements/${slug}`, { session: analyst, params: { slug }, body: { summary: "Cross-site edit" }, headers: { origin: "http://pactwatch.test:3151" } });
    expect(patch.status).toBe(403);
    expect(await countWrites(database.db)).toEqual(before);
  });

  it("the attack as it was: text/plain;charset=application/json from another port", async () => {
    const before = await countWrites(database.db);
    const response = await post({ session: analyst, headers: { origin: "http://pactwatch.test:3151", "content-type": "text/plain;charset=application/json" } });
    expect(response.status).toBe(403);
    // From our own origin too, that content type is refused: it is not JSON's.
    const sameOrigin = await post({ session: analyst, headers: { origin: "http://pactwatch.test", "content-type": "text/plain;charset=application/json" } });
    expect(sameOrigin.status).toBe(415);
    expect(await countWrites(database.db)).toEqual(before);
  });

  it("are accepted from our own pages: the same Origin, or Sec-Fetch-Site: same-origin when no Origin is sent", async () => {
    expect((await post({ session: analyst, headers: { origin: "http://pactwatch.test" } })).status).toBe(201);
    expect((await post({ session: analyst, headers: { "sec-fetch-site": "same-origin" } })).status).toBe(201);
    // The Host the client addressed counts as ours (no PUBLIC_URL): a reader on another machine.
    expect((await post({ session: analyst, headers: { host: "192.0.2.7:3000", origin: "http://192.0.2.7:3000" } })).status).toBe(201);
  });

  it("compare against PUBLIC_URL behind a proxy that ends TLS", async () => {
    process.env.PUBLIC_URL = "https://pactwatch.example.org";
    resetEnvCache();
    expect((await post({ session: analyst, headers: { origin: "https://pactwatch.example.org" } })).status).toBe(201);
    expect((await post({ session: analyst, headers: { origin: "https://pactwatch.example.org:8443" } })).status).toBe(403);
  });
});

describe("writes with a bearer token", () => {
  it("are unaffected by Origin: scripts and other sites' servers send what they like", async () => {
    expect((await post({ token, headers: { origin: "http://pactwatch.test:3151" } })).status).toBe(201);
    expect((await post({ token })).status).toBe(201);
  });
});

describe("reads", () => {
  it("are not checked for their origin", async () => {
    const response = await callRoute(agreementRoute.GET as TRouteHandler, "GET", `/api/v1/agreements/${slug}`, { session: analyst, params: { slug }, headers: { origin: "http://pactwatch.test:3151" } });
    expect(response.status).toBe(200);
  });
});
