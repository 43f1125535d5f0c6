import { beforeAll, describe, expect, it } from "vitest";
import { LOADED_DATA_AUTHOR } from "../../lib/domain/entry-states";
import { ZAuditFilters } from "../../lib/schemas/audit";
import { listAuditEvents } from "../../lib/server/audit/list-audit-events";
import { AppError } from "../../lib/server/errors";
import { assertCan, type TSignedInActor } from "../../lib/server/permissions";
import { requestOrigin } from "../../lib/server/request-origin";
import { listRevisions } from "../../lib/server/revisions/list-revisions";
import { searchSources } from "../../lib/server/sources/search-sources";
import { listPublishedChanges } from "../../lib/server/status-changes/list-published-changes";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { makeAgreement, makeCitingEntry, makeSource } from "../support/registry-factories";
import { useTestDatabase } from "../support/test-database";

// What a new analyst and admin stumbled on (issue 9, item 8): each is checked where the page gets it.
const database = useTestDatabase();
let analyst: TSignedInActor;
let reader: TSignedInActor;
let admin: TSignedInActor;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Ana Lyst");
  reader = await createTestUser(database.db, "READER", "Rea Der");
  admin = await createTestUser(database.db, "ADMIN", "Ad Min");
});

function thrownBy(work: () => void): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

describe("refusals", () => {
  it("say in words who may do it, and keep the permission's name out of the message", () => {
    const refusal = thrownBy(() => assertCan(reader, "status-change:log"));
    expect(refusal.code).toBe("FORBIDDEN");
    expect(refusal.message).toBe("Only analysts and admins can log developments.");
    expect(refusal.details).toEqual({ permission: "status-change:log" });
    expect(thrownBy(() => assertCan(analyst, "source:merge")).message).toBe("Only admins can merge sources.");
  });
});

describe("retired sources", () => {
  it("carry their reason to the citation readers see, and to the picker, which lists them with it", async () => {
    const agreement = await makeAgreement(database.db);
    const source = await makeSource(database.db, { title: "Fabricated wire story about the pact", retiredAt: new Date(), retiredReason: "Quotes were fabricated" });
    const live = await makeSource(database.db, { title: "Fabricated claims debunked by the ministry" });
    const entry = await makeCitingEntry(database.db, agreement.id, [source.id, live.id]);

    const page = await listPublishedChanges(null, { agreement: agreement.slug, status: [], direction: [], state: "all", range: { start: null, end: null } });
    const cited = page.entries.find((candidate) => candidate.id === entry.id)?.citations.map((citation) => citation.source);
    expect(cited?.map((citationSource) => [citationSource.title, citationSource.retiredReason])).toEqual([
      ["Fabricated wire story about the pact", "Quotes were fabricated"],
      ["Fabricated claims debunked by the ministry", null],
    ]);

    const found = await searchSources(analyst, "Fabricated");
    expect(found.map((result) => [result.title, result.retiredAt !== null, result.retiredReason])).toEqual(
      expect.arrayContaining([
        ["Fabricated wire story about the pact", true, "Quotes were fabricated"],
        ["Fabricated claims debunked by the ministry", false, null],
      ]),
    );
  });
});

describe("who logged it", () => {
  it("names the demo data, not 'unknown', for a revision saved without an account", async () => {
    const slug = await createTestAgreement(database.db, analyst, { title: "Seeded pact" });
    const logged = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    // Revisions are append-only: the seed's kind (no account) is added as a later version.
    const [first] = await database.db.revision.findMany({ where: { entityType: "StatusChange", entityId: logged.id } });
    await database.db.revision.create({ data: { entityType: "StatusChange", entityId: logged.id, version: 2, snapshot: first!.snapshot ?? {}, actorId: null } });
    const revisions = await listRevisions(analyst, "StatusChange", logged.id);
    expect(revisions.map((revision) => revision.savedBy)).toEqual(["Ana Lyst", LOADED_DATA_AUTHOR]);
    expect(LOADED_DATA_AUTHOR).toBe("Pactwatch demo data");
  });
});

describe("the audit log", () => {
  it("names each entry by its headline and each source by its title", async () => {
    const slug = await createTestAgreement(database.db, analyst, { title: "Audited pact" });
    const logged = await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "Audited pact extended provisionally" }));
    const { events } = await listAuditEvents(admin, ZAuditFilters.parse({ entityId: logged.id }));
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((event) => event.entityName))).toEqual(new Set(["Audited pact extended provisionally"]));
    const sourceEvents = await listAuditEvents(admin, ZAuditFilters.parse({ entityType: "Source" }), { pageSize: 5 });
    for (const event of sourceEvents.events) {
      const source = await database.db.source.findUniqueOrThrow({ where: { id: event.entityId } });
      expect(event.entityName).toBe(source.title);
    }
  });
});

describe("links in exports", () => {
  it("use the address the client asked for when PUBLIC_URL is unset, and ignore a Host that is not a plain authority", () => {
    const previous = process.env.PUBLIC_URL;
    delete process.env.PUBLIC_URL;
    try {
      expect(requestOrigin(new Request("http://localhost:3000/exports/developments.json", { headers: { host: "pactwatch.lan:8080" } }))).toBe("http://pactwatch.lan:8080");
      expect(requestOrigin(new Request("http://localhost:3000/exports/developments.json", { headers: { host: "[::1]:3000" } }))).toBe("http://[::1]:3000");
      expect(requestOrigin(new Request("http://localhost:3000/x", { headers: { host: "evil.example/path?" } }))).toBe("http://localhost:3000");
      expect(requestOrigin(new Request("http://localhost:3000/x"))).toBe("http://localhost:3000");
    } finally {
      if (previous !== undefined) process.env.PUBLIC_URL = previous;
    }
  });
});
