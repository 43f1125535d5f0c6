import { beforeAll, describe, expect, it } from "vitest";
import type { TSignedInActor } from "../../lib/server/permissions";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { STATUS_CHANGE_RECORD_SELECT, snapshotOf } from "../../lib/server/status-changes/status-change-record";
import { countWrites, createTestAgreement, createTestUser, derivedStatusOf, logForm, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { refusal } from "../support/refusal";

const database = useTestDatabase();
let analyst: TSignedInActor;
let reader: TSignedInActor;
let slug: string;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Ana Lyst");
  reader = await createTestUser(database.db, "READER");
  slug = await createTestAgreement(database.db, analyst, { title: "General Security of Military Information Agreement", shortName: "GSOMIA" });
});

describe("logging a development", () => {
  it("publishes it with its citation, a new canonical source, an audit trail and a first revision", async () => {
    const result = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    expect(result).toMatchObject({ state: "PUBLISHED", version: 1, subject: { kind: "AGREEMENT", slug } });

    const entry = await database.db.statusChange.findUniqueOrThrow({ where: { id: result.id }, include: { citations: { include: { source: true } } } });
    expect(entry.occurredAt.toISOString()).toBe("2019-11-21T15:00:00.000Z");
    expect(entry.occurredPrecision).toBe("DAY");
    expect(entry.effectiveTime).toEqual(entry.occurredAt);
    expect(entry.authorId).toBe(analyst.id);
    expect(entry.publishedAt).not.toBeNull();
    expect(entry.citations).toHaveLength(1);
    expect(entry.citations[0]?.credibility).toBe(2);
    expect(entry.citations[0]?.source).toMatchObject({
      url: "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html",
      publisher: "The New York Times",
      reliability: "F",
      createdById: analyst.id,
    });

    const events = await database.db.auditEvent.findMany({ where: { entityId: { in: [result.id, entry.citations[0]!.sourceId] } }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["source:create", "status-change:log", "status-change:publish"]);
    expect(events.every((event) => event.actorId === analyst.id)).toBe(true);
    const revisions = await database.db.revision.findMany({ where: { entityType: "StatusChange", entityId: result.id } });
    expect(revisions.map((revision) => revision.version)).toEqual([1]);

    expect((await derivedStatusOf(database.db, slug)).current).toMatchObject({ status: "PROVISIONALLY_EXTENDED", changeId: result.id });
  });

  it("keeps, in its audit events and revision, the very snapshot the record read back gives (written in one statement)", async () => {
    const picked = await database.db.source.create({
      data: { url: "https://www.example.org/snapshot-source", title: "A picked source", publisher: "Example Wire", kind: "NEWS", reliability: "B" },
    });
    const form = logForm(`agreement:${slug}`, { effectiveAt: "2019-11-23T09:00", direction: "ESCALATION" });
    const citations = [...(form.citations as Record<string, unknown>[]), { url: "", sourceId: picked.id, locator: "p. 2", credibility: "3", quote: "" }];
    const result = await logStatusChange(analyst, logInput(`agreement:${slug}`, { effectiveAt: "2019-11-23T09:00", direction: "ESCALATION", citations }));
    const record = await database.db.statusChange.findUniqueOrThrow({ where: { id: result.id }, select: STATUS_CHANGE_RECORD_SELECT });
    expect(record.citations).toHaveLength(2);
    const expected = JSON.parse(JSON.stringify(snapshotOf(record)));
    const events = await database.db.auditEvent.findMany({ where: { entityType: "StatusChange", entityId: result.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["status-change:log", "status-change:publish"]);
    for (const event of events) expect(event.after).toEqual(expected);
    const revision = await database.db.revision.findFirstOrThrow({ where: { entityType: "StatusChange", entityId: result.id } });
    expect(revision.snapshot).toEqual(expected);
    expect(revision.actorId).toBe(analyst.id);
  });

  it("finds the registered source when the same link is pasted with tracking parameters, another host case or a fragment", async () => {
    const before = await database.db.source.count();
    const result = await logStatusChange(
      analyst,
      logInput(`agreement:${slug}`, {
        headline: "Second report of the same article",
        citations: [{ url: "HTTPS://WWW.NYTIMES.COM/2019/11/22/world/asia/japan-south-korea-intelligence.html?utm_source=feed&fbclid=x#comments", credibility: "3" }],
      }),
    );
    expect(await database.db.source.count()).toBe(before);
    const citation = await database.db.citation.findFirstOrThrow({ where: { statusChangeId: result.id }, include: { source: true } });
    expect(citation.source.title).toBe("At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan");
  });

  it("saves a draft without citations, which counts for nothing and has no revision", async () => {
    const result = await logStatusChange(analyst, logInput(`agreement:${slug}`, { intent: "draft", status: "TERMINATED", citations: [] }));
    expect(result.state).toBe("DRAFT");
    expect(await database.db.revision.count({ where: { entityId: result.id } })).toBe(0);
    expect((await derivedStatusOf(database.db, slug)).current?.status).toBe("PROVISIONALLY_EXTENDED");
  });

  it("keeps a future effective time as a pending deadline, not as the current status", async () => {
    const result = await logStatusChange(
      analyst,
      logInput(`agreement:${slug}`, { status: "TERMINATED", headline: "Termination takes effect next year", occurredOn: "2026-01", effectiveAt: "2099-11-23T00:00", direction: "ESCALATION" }),
    );
    const status = await derivedStatusOf(database.db, slug);
    expect(status.current?.status).toBe("PROVISIONALLY_EXTENDED");
    expect(status.pending.map((pending) => pending.changeId)).toEqual([result.id]);
    expect(status.pending[0]?.effectiveAt.toISOString()).toBe("2099-11-22T15:00:00.000Z");
  });

  it("cancels a scheduled change of the same subject, and refuses one of another subject", async () => {
    const scheduled = await logStatusChange(
      analyst,
      logInput(`agreement:${slug}`, { status: "TERMINATED", headline: "Scheduled to end", occurredOn: "2019-08-22", effectiveAt: "2099-01-01T00:00" }),
    );
    const cancelling = await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "Notice suspended", cancelsId: scheduled.id }));
    const status = await derivedStatusOf(database.db, slug);
    expect(status.cancelled.find((entry) => entry.changeId === scheduled.id)?.cancelledById).toBe(cancelling.id);

    const other = await createTestAgreement(database.db, analyst);
    const writes = await countWrites(database.db);
    const error = await refusal(logStatusChange(analyst, logInput(`agreement:${other}`, { cancelsId: scheduled.id })));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors.cancelsId?.[0]).toMatch(/same subject/);
    expect(await countWrites(database.db)).toEqual(writes);
  });
});

describe("refusals write nothing", () => {
  it("refuses readers and anonymous visitors", async () => {
    const writes = await countWrites(database.db);
    expect((await refusal(logStatusChange(reader, logInput(`agreement:${slug}`)))).code).toBe("FORBIDDEN");
    expect((await refusal(logStatusChange(null, logInput(`agreement:${slug}`)))).code).toBe("UNAUTHENTICATED");
    expect(await countWrites(database.db)).toEqual(writes);
  });

  it("refuses an unknown subject beside the subject field", async () => {
    const writes = await countWrites(database.db);
    const error = await refusal(logStatusChange(analyst, logInput("agreement:no-such-pact")));
    expect(error.fieldErrors.subject?.[0]).toMatch(/No agreement is called "no-such-pact"/);
    expect(await countWrites(database.db)).toEqual(writes);
  });

  it("refuses a new source without title and publisher, and rolls back the other new sources of the same entry", async () => {
    const writes = await countWrites(database.db);
    const error = await refusal(
      logStatusChange(
        analyst,
        logInput(`agreement:${slug}`, {
          citations: [
            { url: "https://example.org/fine-new-source", title: "A fine source", publisher: "Example", credibility: "3" },
            { url: "https://example.org/nameless", credibility: "3" },
          ],
        }),
      ),
    );
    expect(error.fieldErrors["citations.1.title"]?.[0]).toMatch(/title/);
    expect(error.fieldErrors["citations.1.publisher"]?.[0]).toMatch(/publisher/);
    expect(await countWrites(database.db)).toEqual(writes);
  });

  it("refuses new citations of a retired source", async () => {
    const retired = await database.db.source.create({
      data: { url: "https://retired.example.org/a", title: "Old", publisher: "Gone", retiredAt: new Date(), retiredReason: "fabricated quotes" },
    });
    const writes = await countWrites(database.db);
    const error = await refusal(logStatusChange(analyst, logInput(`agreement:${slug}`, { citations: [{ sourceId: retired.id, credibility: "3" }] })));
    expect(error.fieldErrors["citations.0.url"]?.[0]).toMatch(/retired.*fabricated quotes/);
    expect(await countWrites(database.db)).toEqual(writes);
  });
});
