import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as agreementRoutes from "../../app/api/v1/agreements/route";
import * as agreementRoute from "../../app/api/v1/agreements/[slug]/route";
import * as partyRoute from "../../app/api/v1/parties/[code]/route";
import { resetEnvCache } from "../../lib/server/env";
import type { TSignedInActor } from "../../lib/server/permissions";
import { callRoute, ORIGIN, problemOf, type TCall, type TRouteHandler } from "../support/api-calls";
import { createTestAgreement } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";

// Issue 11 item 3: ETag on every read and If-None-Match → 304; Cache-Control for public versus
// private reads; If-Match on edits (409 with the current version); Link headers on lists.

const database = useTestDatabase();
let analyst: TSignedInActor;
let token: string;
let slug: string;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST");
  token = await createTestToken(database.db, analyst.id);
  slug = await createTestAgreement(database.db, analyst);
  await createTestAgreement(database.db, analyst);
  await createTestAgreement(database.db, analyst);
});

afterEach(() => {
  process.env.PUBLIC_READ = "true";
  resetEnvCache();
});

const getAgreement = (call: TCall = {}) => callRoute(agreementRoute.GET as TRouteHandler, "GET", `/api/v1/agreements/${slug}`, { params: { slug }, ...call });
const patchAgreement = (call: TCall) => callRoute(agreementRoute.PATCH as TRouteHandler, "PATCH", `/api/v1/agreements/${slug}`, { token, params: { slug }, ...call });

describe("ETag and If-None-Match", () => {
  it("gives every read a strong ETag and answers 304 without a body when it still matches", async () => {
    const first = await getAgreement();
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect((await getAgreement()).headers.get("etag")).toBe(etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await getAgreement({ headers: { "if-none-match": ifNoneMatch } });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe("public, max-age=60");
      expect(await again.text()).toBe("");
    }
    expect((await getAgreement({ headers: { "if-none-match": '"stale"' } })).status).toBe(200);
    const list = await callRoute(agreementRoutes.GET as TRouteHandler, "GET", "/api/v1/agreements");
    const listEtag = list.headers.get("etag")!;
    expect(listEtag).toMatch(/^"/);
    expect((await callRoute(agreementRoutes.GET as TRouteHandler, "GET", "/api/v1/agreements", { headers: { "if-none-match": listEtag } })).status).toBe(304);
  });

  it("changes the ETag when the record changes", async () => {
    const before = (await getAgreement()).headers.get("etag")!;
    const version = (await database.db.agreement.findUniqueOrThrow({ where: { slug } })).version;
    expect((await patchAgreement({ body: { version, summary: `Changed ${Date.now()}` } })).status).toBe(200);
    const after = await getAgreement({ headers: { "if-none-match": before } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
  });

  it("gives a HEAD request the headers of the GET without the body", async () => {
    const get = await getAgreement();
    const head = await getAgreement({ headers: {} }).then(() => callRoute(agreementRoute.GET as TRouteHandler, "HEAD", `/api/v1/agreements/${slug}`, { params: { slug } }));
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
    expect(await head.text()).toBe("");
  });
});

describe("Cache-Control", () => {
  it("lets anyone cache anonymous public reads briefly, keyed on the credentials", async () => {
    const response = await getAgreement();
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("vary")).toBe("Authorization, Cookie");
  });

  it("keeps whatever was read with a token, a session cookie or under PUBLIC_READ=false out of every cache", async () => {
    expect((await getAgreement({ token })).headers.get("cache-control")).toBe("private, no-store");
    expect((await getAgreement({ session: analyst })).headers.get("cache-control")).toBe("private, no-store");
    // A session cookie that no longer signs in (expired, signed out) still marks the answer private.
    expect((await getAgreement({ headers: { cookie: "theme=dark; pactwatch.session-token=stale" } })).headers.get("cache-control")).toBe("private, no-store");
    expect((await getAgreement({ headers: { cookie: "theme=dark" } })).headers.get("cache-control")).toBe("public, max-age=60");
    process.env.PUBLIC_READ = "false";
    resetEnvCache();
    const signedIn = await getAgreement({ token });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    const anonymous = await getAgreement();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
  });
});

describe("Link headers", () => {
  it("give the next page of a list beside the body's links.next, until the last page", async () => {
    const first = await callRoute(agreementRoutes.GET as TRouteHandler, "GET", "/api/v1/agreements?limit=2&sort=name");
    const body = (await first.json()) as { data: unknown[]; links: { next: string | null } };
    expect(body.data).toHaveLength(2);
    expect(body.links.next).toMatch(/^\/api\/v1\/agreements\?limit=2&sort=name&cursor=/);
    expect(first.headers.get("link")).toBe(`<${ORIGIN}${body.links.next}>; rel="next"`);
    const second = await callRoute(agreementRoutes.GET as TRouteHandler, "GET", body.links.next!);
    const last = (await second.json()) as { data: unknown[]; links: { next: string | null } };
    expect(last.data).toHaveLength(1);
    expect(last.links.next).toBeNull();
    expect(second.headers.get("link")).toBeNull();
  });
});

describe("If-Match on edits", () => {
  it("applies an edit whose If-Match is the record's current ETag, and refuses one made from an older read with 409 and the current version", async () => {
    const read = await getAgreement({ token });
    const etag = read.headers.get("etag")!;
    const version = (await database.db.agreement.findUniqueOrThrow({ where: { slug } })).version;
    const applied = await patchAgreement({ headers: { "if-match": etag }, body: { summary: "Edited with If-Match" } });
    expect(applied.status).toBe(200);
    expect(agreementRoute.PATCH.declaration.response!.safeParse(await applied.json()).success).toBe(true);
    const stale = await patchAgreement({ headers: { "if-match": etag }, body: { summary: "Edited from a stale read" } });
    expect(stale.status).toBe(409);
    const problem = await problemOf(stale);
    expect(problem).toMatchObject({ type: `${ORIGIN}/methodology/problems/conflict`, currentVersion: version + 1 });
    expect(problem.currentEtag).toBe((await getAgreement({ token })).headers.get("etag"));
    expect((await database.db.agreement.findUniqueOrThrow({ where: { slug } })).summary).toBe("Edited with If-Match");
    // A weak tag never matches If-Match; `*` only asks that the record exists.
    expect((await patchAgreement({ headers: { "if-match": `W/${problem.currentEtag as string}` }, body: { summary: "Weak" } })).status).toBe(409);
    expect((await patchAgreement({ headers: { "if-match": "*" }, body: { summary: "Any version" } })).status).toBe(200);
  });

  it("checks the body's version as before, and If-Match on other records too", async () => {
    const party = await callRoute(partyRoute.GET as TRouteHandler, "GET", "/api/v1/parties/KOR", { params: { code: "KOR" } });
    const etag = party.headers.get("etag")!;
    const patchParty = (headers: Record<string, string>, name: string) => callRoute(partyRoute.PATCH as TRouteHandler, "PATCH", "/api/v1/parties/kor", { token, params: { code: "kor" }, headers, body: { name } });
    expect((await patchParty({ "if-match": etag }, "Republic of Korea")).status).toBe(200);
    expect((await patchParty({ "if-match": etag }, "Korea")).status).toBe(409);
    const version = (await database.db.agreement.findUniqueOrThrow({ where: { slug } })).version;
    expect((await patchAgreement({ body: { version: version - 1, summary: "Stale version" } })).status).toBe(409);
  });
});
