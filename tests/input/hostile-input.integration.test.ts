import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { Markdown } from "../../components/markdown";
import { nextNoticeDeadline } from "../../lib/domain/deadlines";
import { formatIsoDate } from "../../lib/domain/dates";
import { ZAdminSourceFilters } from "../../lib/schemas/admin-source";
import { ZAgreement } from "../../lib/schemas/agreement";
import { ZAuditFilters } from "../../lib/schemas/audit";
import { ZPartyListQuery } from "../../lib/schemas/reader-queries";
import { ZLogStatusChange } from "../../lib/schemas/status-change";
import { NUL_MESSAGE } from "../../lib/schemas/text";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { listAuditEvents } from "../../lib/server/audit/list-audit-events";
import { encodeCursor } from "../../lib/server/keyset";
import { listParties } from "../../lib/server/parties/list-parties";
import type { TSignedInActor } from "../../lib/server/permissions";
import { getSourceForAdmin } from "../../lib/server/sources/get-source-for-admin";
import { listSourcesForAdmin } from "../../lib/server/sources/list-sources-for-admin";
import { resolveSourceRedirect } from "../../lib/server/sources/resolve-source-redirect";
import { searchSources } from "../../lib/server/sources/search-sources";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { getUserForAdmin } from "../../lib/server/users/get-user-for-admin";
import { listUsers } from "../../lib/server/users/list-users";
import { loadRoutes, type TRoute } from "../authorization/app-handlers";
import { createTestAgreement, ensureTestParties, logForm } from "../support/desk-factories";
import { makeSource } from "../support/registry-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";

// Issue 10 item 4: each input the probe found answering 500, kept as a regression. Each case
// goes through the real route handler or the use case a page calls, against a real database.

const database = useTestDatabase();
const DASHES = "-".repeat(36);
let routes: TRoute[] = [];
let analyst: TSignedInActor;
let admin: TSignedInActor;
let analystToken: string;

beforeAll(async () => {
  routes = await loadRoutes();
  analyst = await createTestUser(database.db, "ANALYST");
  admin = await createTestUser(database.db, "ADMIN");
  analystToken = await createTestToken(database.db, analyst.id);
  await ensureTestParties(database.db);
});

async function call(key: string, path: string, params: Record<string, string>, init: { body?: unknown; token?: string } = {}) {
  const route = routes.find((candidate) => candidate.key === key);
  if (!route) throw new Error(`no route ${key}`);
  const request = new Request(`http://pactwatch.test${path}`, {
    method: route.method,
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await runAsActor(null, () => route.handler(request, { params: Promise.resolve(params) }));
  return { status: response.status, body: await response.text() };
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    return String((error as { code?: string }).code ?? error);
  }
}

describe("NUL bytes", () => {
  it("are refused with a message in a text field, over the API", async () => {
    const slug = await createTestAgreement(database.db, analyst);
    const response = await call("POST api/v1/status-changes/route.ts", "/api/v1/status-changes", {}, { body: logForm(`agreement:${slug}`, { headline: "a\u0000b" }), token: analystToken });
    expect(response.status).toBe(422);
    expect(response.body).toContain("NUL character");
  });

  it("are refused by the schemas of every form and query, with the message naming the cause", () => {
    const result = ZLogStatusChange.safeParse(logForm("agreement:gsomia", { body: "x\u0000" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(NUL_MESSAGE);
    expect(ZPartyListQuery.safeParse({ q: "\u0000" }).success).toBe(false);
  });

  it("in q= or in a path segment never reach the database", async () => {
    for (const [key, path] of [
      ["GET api/v1/parties/route.ts", "/api/v1/parties?q=%00"],
      ["GET api/v1/agreements/route.ts", "/api/v1/agreements?q=a%00b"],
      ["GET api/v1/sources/route.ts", "/api/v1/sources?q=%00"],
    ] as const) {
      expect((await call(key, path, {})).status, path).toBe(422);
    }
    expect((await call("GET api/v1/agreements/[slug]/route.ts", "/api/v1/agreements/%00", { slug: "\u0000" })).status).toBe(404);
    expect((await call("GET api/v1/parties/[code]/route.ts", "/api/v1/parties/%00", { code: "K\u0000R" })).status).toBe(404);
    expect((await call("GET feeds/agreements/[file]/route.ts", "/feeds/agreements/%00.atom", { file: "\u0000.atom" })).status).toBe(404);
  });
});

describe("LIKE patterns", () => {
  it("q=\\ and q=% search literally on parties, sources and users", async () => {
    for (const q of ["\\", "%", "_", "a\\"]) {
      const response = await call("GET api/v1/parties/route.ts", `/api/v1/parties?q=${encodeURIComponent(q)}&scope=all`, {});
      expect(response.status, q).toBe(200);
      expect(JSON.parse(response.body).data, `q=${q} matches nothing: no party has it in its name`).toEqual([]);
    }
    expect((await listParties(null, { q: "%", scope: "all" })).items).toEqual([]);
    expect((await listParties(null, { q: "jpn", scope: "all" })).items.map((party) => party.code)).toEqual(["JPN"]);
    await makeSource(database.db, { title: "Tariffs up 100% overnight", publisher: "Wire_Service" });
    await makeSource(database.db, { title: "Tariffs up 1000 overnight", publisher: "WireXService" });
    expect((await searchSources(analyst, "100%")).map((source) => source.title)).toEqual(["Tariffs up 100% overnight"]);
    expect((await searchSources(analyst, "\\"))).toEqual([]);
    const filters = ZAdminSourceFiltersFor({ q: "", publisher: "Wire_" });
    expect((await listSourcesForAdmin(admin, filters)).sources.map((source) => source.publisher)).toEqual(["Wire_Service"]);
    expect((await listUsers(admin, { q: "%", role: "any", status: "any" })).users).toEqual([]);
  });
});

function ZAdminSourceFiltersFor(values: Record<string, string>) {
  return ZAdminSourceFilters.parse(values);
}

describe("ids of 36 dashes", () => {
  it("are 404 on API paths", async () => {
    expect((await call("GET api/v1/status-changes/[id]/route.ts", `/api/v1/status-changes/${DASHES}`, { id: DASHES })).status).toBe(404);
    expect((await call("GET api/v1/sources/[id]/route.ts", `/api/v1/sources/${DASHES}`, { id: DASHES })).status).toBe(404);
    const patch = await call("PATCH api/v1/status-changes/[id]/route.ts", `/api/v1/status-changes/${DASHES}`, { id: DASHES }, { body: { version: 1 }, token: analystToken });
    expect(patch.status).toBe(404);
    const publish = await call("POST api/v1/status-changes/[id]/publish/route.ts", `/api/v1/status-changes/${DASHES}/publish`, { id: DASHES }, { body: { version: 1 }, token: analystToken });
    expect(publish.status).toBe(404);
  });

  it("are not found by the desk's and the admin's use cases", async () => {
    expect(await codeOf(getStatusChange(analyst, DASHES))).toBe("NOT_FOUND");
    expect(await codeOf(getUserForAdmin(admin, DASHES))).toBe("NOT_FOUND");
    expect(await codeOf(getSourceForAdmin(admin, DASHES))).toBe("NOT_FOUND");
    expect(await codeOf(resolveSourceRedirect(admin, DASHES))).toBe("NOT_FOUND");
    expect(ZAuditFilters.parse({ actor: DASHES }).actor).toBe("");
  });
});

describe("cursors and filters out of range", () => {
  it("a cursor with year 0000 is a refused cursor, not a database error", async () => {
    const cursor = encodeCursor(["0000-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "0190a0a0-0000-7000-8000-000000000000"]);
    expect((await call("GET api/v1/status-changes/route.ts", `/api/v1/status-changes?cursor=${cursor}`, {})).status).toBe(422);
    const sources = encodeCursor(["0000-01-01T00:00:00.000Z", "0190a0a0-0000-7000-8000-000000000000"]);
    expect((await call("GET api/v1/sources/route.ts", `/api/v1/sources?cursor=${sources}`, {})).status).toBe(422);
    const nul = encodeCursor(["a\u0000", "0190a0a0-0000-7000-8000-000000000000"]);
    expect((await call("GET api/v1/parties/route.ts", `/api/v1/parties?cursor=${nul}`, {})).status).toBe(422);
  });

  it("an audit filter with a huge number or year 0000 reads as no filter", async () => {
    const filters = ZAuditFilters.parse({ before: "2019-01-01T00:00:00.000Z_9999999999999999999", from: "0000-01-01", to: "0000-01-02" });
    expect(await codeOf(listAuditEvents(admin, filters))).toBe("ok");
  });
});

describe("bodies and dates that broke pages", () => {
  it("5,000 nested quotes are refused by the schema and rendered as text if already stored", () => {
    const body = `${">".repeat(5000)} deep`;
    const result = ZLogStatusChange.safeParse(logForm("agreement:gsomia", { body }));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("levels deep");
    const started = performance.now();
    const html = renderToStaticMarkup(createElement(Markdown, null, body));
    expect(html).toContain("deep");
    expect(performance.now() - started).toBeLessThan(500);
    const lines = Array.from({ length: 3000 }, (_, index) => `${"  ".repeat(index)}- item`).join("\n");
    expect(() => renderToStaticMarkup(createElement(Markdown, null, lines))).not.toThrow();
  });

  it("an effective time past the year 9999 is refused with a message", () => {
    const result = ZLogStatusChange.safeParse(logForm("agreement:gsomia", { effectiveAt: "9999-12-31T23:00", effectiveTimeZone: "Etc/GMT+12" }));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("year 10000");
  });

  it("a 1,200-month auto-renewing term from 9999 is refused, and the deadline code answers without throwing", () => {
    const agreement = { title: "Far", kind: "SECURITY", partyCodes: ["JPN", "KOR"], inForceOn: "9999-12-31", termMonths: "1200", autoRenews: "on", noticeDays: "3650", timeZone: "UTC" };
    expect(ZAgreement.safeParse(agreement).success).toBe(false);
    const deadline = nextNoticeDeadline({ inForceOn: "9999-12-31", termMonths: 1200, autoRenews: true, noticeDays: 3650, timeZone: "Pacific/Kiritimati" }, new Date());
    expect(deadline).toBeNull();
    expect(formatIsoDate("10090-01-01")).toBe("1 January 10090");
    expect(ZAgreement.safeParse({ ...agreement, inForceOn: "0000-01-01", autoRenews: "", termMonths: "" }).success).toBe(false);
  });
});


describe("the SPEC §3 invariant checker", () => {
  it("holds on what the use cases wrote, and reports a change published without a citation", async () => {
    const { checkSpecInvariants, invariantSnapshot } = await import("../support/spec-invariants");
    const before = await invariantSnapshot(database.db);
    expect(await checkSpecInvariants(database.db, before)).toEqual([]);
    const agreement = await database.db.agreement.findUniqueOrThrow({ where: { slug: await createTestAgreement(database.db, analyst) }, select: { id: true } });
    await database.db.$executeRaw`INSERT INTO "StatusChange" (id, "agreementId", status, headline, "occurredAt", "effectiveTime", state, "publishedAt", "updatedAt")
      VALUES (gen_random_uuid(), ${agreement.id}::uuid, 'TERMINATED', 'Uncited', now() - interval '1 day', now() - interval '1 day', 'PUBLISHED', now(), now())`;
    const problems = await checkSpecInvariants(database.db, { ...before, auditEvents: before.auditEvents + 1000 });
    expect(problems.some((problem) => problem.includes("without a citation"))).toBe(true);
    expect(problems.some((problem) => problem.includes("append-only"))).toBe(true);
    await database.db.$executeRaw`DELETE FROM "StatusChange" WHERE headline = 'Uncited'`;
  });
});
