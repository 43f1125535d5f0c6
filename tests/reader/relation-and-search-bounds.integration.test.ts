import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../lib/generated/prisma/client";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { GET as getRelationApi } from "../../app/api/v1/relations/[pair]/route";
import { listAgreements } from "../../lib/server/agreements/list-agreements";
import { listMeasures } from "../../lib/server/measures/list-measures";
import { getRelation } from "../../lib/server/relations/get-relation";
import { listPublishedChanges } from "../../lib/server/status-changes/list-published-changes";
import { useTestDatabase } from "../support/test-database";

// The relation's lists are keyset pages; search finds subjects through a bounded set of
// developments and histories through either index. On the demo data every bound is far away, so
// the answers must be exactly those of the unbounded statements, restated here as the reference.

const database = useTestDatabase();
const now = new Date("2026-11-29T12:00:00Z");
const QUERIES = ["gsomia", "intelligence", "intelligence pact", "export controls", "white list", "semiconductor", "restored", "tariff quota", "\"general security\"", "-gsomia korea"];

beforeAll(async () => {
  await seedDemoData(database.db);
});

describe("relation lists", () => {
  it("pages each list by cursor, every subject once, most recently changed first, with the list's total", async () => {
    const whole = await getRelation(null, ["JPN", "KOR"], { now });
    expect(whole.lists.first.total).toBe(2);
    expect(whole.lists.second.total).toBe(1);
    expect(whole.lists.agreements.total).toBe(1);
    const seen: string[] = [];
    let cursor: string | undefined;
    let previous = Infinity;
    do {
      const page = await getRelation(null, ["KOR", "JPN"], { now, limit: 1, cursors: { first: cursor } });
      expect(page.lists.first.items).toHaveLength(1);
      expect(page.lists.first.total).toBe(2);
      // The other lists stay on their first page, and the timeline keeps its lanes.
      expect(page.agreements.map((item) => item.slug)).toEqual(["gsomia"]);
      expect(page.lanes).toHaveLength(4);
      const item = page.lists.first.items[0]!;
      expect(item.imposingCode).toBe("JPN");
      expect(item.current!.since.getTime()).toBeLessThanOrEqual(previous);
      previous = item.current!.since.getTime();
      seen.push(item.slug);
      cursor = page.lists.first.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(whole.lists.first.items.map((item) => item.slug).sort());
    expect(new Set(seen).size).toBe(2);
  });

  it("answers the API a page at a time with next links per list, and refuses a forged cursor", async () => {
    const call = (path: string) => runAsActor(null, () => getRelationApi(new Request(`http://pactwatch.test${path}`), { params: Promise.resolve({ pair: "JPN-KOR" }) }));
    const first = (await (await call("/api/v1/relations/JPN-KOR")).json()) as { data: { measures: unknown[]; totals: Record<string, number> }; links: Record<string, string | null> };
    expect(first.data.totals).toEqual({ agreements: 1, first: 2, second: 1 });
    expect(first.links).toEqual({ nextAgreements: null, nextFirst: null, nextSecond: null });
    const forged = await call("/api/v1/relations/JPN-KOR?firstCursor=bm90LWEtY3Vyc29y");
    expect(forged.status).toBe(422);
  });
});

async function referenceSubjects(table: "Agreement" | "TradeMeasure", column: "agreementId" | "measureId", q: string): Promise<string[]> {
  const rows = await database.db.$queryRaw<{ slug: string }[]>`
    SELECT s.slug FROM ${Prisma.raw(`"${table}"`)} s
    WHERE s.search @@ websearch_to_tsquery('english', ${q}) OR s.id IN (
      SELECT sc.${Prisma.raw(`"${column}"`)} FROM "StatusChange" sc WHERE sc.search @@ websearch_to_tsquery('english', ${q}) AND sc.state = 'PUBLISHED')
    ORDER BY s.slug`;
  return rows.map((row) => row.slug);
}

describe("bounded search", () => {
  it("finds the same agreements and measures as reading every matching development", async () => {
    for (const q of QUERIES) {
      const agreements = await listAgreements(null, { q }, { now, limit: 100 });
      expect(agreements.items.map((item) => item.slug).sort(), q).toEqual(await referenceSubjects("Agreement", "agreementId", q));
      expect(agreements.total, q).toBe(agreements.items.length);
      const measures = await listMeasures(null, { q }, { now, limit: 100 });
      expect(measures.items.map((item) => item.slug).sort(), q).toEqual(await referenceSubjects("TradeMeasure", "measureId", q));
    }
  });

  it("pages a history search exactly like the unbounded statement, in history order", async () => {
    for (const q of QUERIES) {
      const reference = await database.db.$queryRaw<{ id: string }[]>`
        SELECT id FROM "StatusChange" sc WHERE sc.search @@ websearch_to_tsquery('english', ${q}) AND sc.state IN ('PUBLISHED', 'RETRACTED')
        ORDER BY sc."effectiveTime" DESC, sc."occurredAt" DESC, sc."createdAt" DESC, sc.id DESC`;
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPublishedChanges(null, { q }, { limit: 2, now, cursor });
        ids.push(...page.entries.map((entry) => entry.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(ids, q).toEqual(reference.map((row) => row.id));
    }
  });
});
