import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../lib/generated/prisma/client";
import { generateLargeDataset } from "../../prisma/seed/generate-large-dataset";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { agreementListSql, listAgreements } from "../../lib/server/agreements/list-agreements";
import { measureListSql } from "../../lib/server/measures/list-measures";
import { DEVELOPMENT_CANDIDATES, DEVELOPMENT_WALK } from "../../lib/server/subject-candidates-sql";
import { RELATION_LANE_WINDOW, relationLanesSql, relationSubjectsSql, relationYearsSql, type TLaneSubject } from "../../lib/server/relations/relation-sql";
import { MIRROR_MEASURES_PER_SIDE, mirrorSql } from "../../lib/server/relations/mirror-sql";
import { getMirror } from "../../lib/server/relations/get-mirror";
import { partyAgreementsSql, partyCounterpartsSql, partyMeasuresSql } from "../../lib/server/parties/party-page-sql";
import { listSources, SOURCE_CANDIDATES, sourceListSql } from "../../lib/server/sources/list-sources";
import { listPublishedChanges, publishedChangesSql } from "../../lib/server/status-changes/list-published-changes";
import { statusBeforeSql } from "../../lib/server/subscriptions/enqueue-development";
import { useTestDatabase } from "../support/test-database";

// The reader's heaviest queries on a generated history of 20 000 changes: the plans must read
// StatusChange through its indexes (never a sequential scan), and keyset pages must stay whole
// and in order however deep. `npm run db:generate-large` makes the million-change version.

const database = useTestDatabase();
const CHANGES = 20_000;
const now = new Date();
let busiest = "";

type TPlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Loops"?: number;
  "Actual Rows"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: TPlanNode[];
};

function nodesOf(node: TPlanNode): TPlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/**
 * The plan's nodes, run. `withoutSeqScans`: with sequential scans priced out, so one that remains
 * is one the statement cannot do without (at 20 000 changes the planner rightly scans the small
 * tables of agreements and measures that an index reads at a million).
 */
async function planOf(sql: Prisma.Sql, { withoutSeqScans = false } = {}): Promise<TPlanNode[]> {
  const client = new pg.Client({ connectionString: database.url, options: withoutSeqScans ? "-c enable_seqscan=off" : undefined });
  await client.connect();
  try {
    // A statement too: the embedded database's socket does not apply startup options.
    if (withoutSeqScans) await client.query("SET enable_seqscan = off");
    const result = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values as unknown[]);
    const plan = (result.rows[0] as { "QUERY PLAN": [{ Plan: TPlanNode }] })["QUERY PLAN"][0].Plan;
    return nodesOf(plan);
  } finally {
    // The embedded database is one session: the setting would outlive this connection.
    if (withoutSeqScans) await client.query("RESET enable_seqscan");
    await client.end();
  }
}

// Index-backed: every scan of StatusChange is an index scan, an index-only scan, or a bitmap heap
// scan fed by a bitmap index scan of one of its indexes; at least one of them ran.
function expectIndexBacked(nodes: TPlanNode[]) {
  const onStatusChange = nodes.filter((node) => node["Relation Name"] === "StatusChange");
  expect(onStatusChange.filter((node) => node["Node Type"] === "Seq Scan")).toEqual([]);
  const ran = onStatusChange.filter((node) => (node["Actual Loops"] ?? 0) > 0);
  expect(ran.length, "no scan of StatusChange ran").toBeGreaterThan(0);
  for (const node of ran) {
    const indexes = node["Node Type"] === "Bitmap Heap Scan" ? nodesOf(node).map((child) => child["Index Name"]).filter(Boolean) : [node["Index Name"]];
    expect(["Index Scan", "Index Only Scan", "Bitmap Heap Scan"]).toContain(node["Node Type"]);
    expect(indexes.length).toBeGreaterThan(0);
    for (const index of indexes) expect(index).toMatch(/^StatusChange_/);
  }
}

// No scan of StatusChange — and no index scan in it — reads more rows than the walk and the GIN
// candidates together: reading every development of a common word would.
function expectBoundedReads(nodes: TPlanNode[]) {
  const onStatusChange = nodes.filter((node) => node["Relation Name"] === "StatusChange" || node["Index Name"]?.startsWith("StatusChange_"));
  for (const node of onStatusChange) {
    const rows = ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0)) * (node["Actual Loops"] ?? 0);
    expect(rows, `${node["Node Type"]} ${node["Index Name"] ?? ""}`).toBeLessThanOrEqual(DEVELOPMENT_WALK + DEVELOPMENT_CANDIDATES + 1);
  }
}

function expectNoSeqScanOf(nodes: TPlanNode[], tables: string[]) {
  expect(nodes.filter((node) => node["Node Type"] === "Seq Scan" && tables.includes(node["Relation Name"] ?? "")).map((node) => node["Relation Name"])).toEqual([]);
}

/** Rows a plan read from `table`, over every loop of every scan of it. */
function rowsRead(nodes: TPlanNode[], table: string): number {
  return nodes
    .filter((node) => node["Relation Name"] === table)
    .reduce((sum, node) => sum + ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0)) * (node["Actual Loops"] ?? 0), 0);
}

/**
 * A statement of the party or relation page: no table it cannot read by index, statuses from
 * CurrentStatusPeriod by key (one period per probe), and at most `changes` rows of StatusChange,
 * however long the histories (decision 026).
 */
async function expectBoundedPageStatement(sql: Prisma.Sql, { changes }: { changes: number }) {
  const nodes = await planOf(sql, { withoutSeqScans: true });
  expect(nodes.filter((node) => node["Node Type"] === "Seq Scan").map((node) => node["Relation Name"])).toEqual([]);
  for (const node of nodes.filter((candidate) => candidate["Relation Name"] === "CurrentStatusPeriod" && (candidate["Actual Loops"] ?? 0) > 0)) {
    expect(["Index Scan", "Index Only Scan", "Bitmap Heap Scan"]).toContain(node["Node Type"]);
    expect(node["Actual Rows"]).toBeLessThanOrEqual(1);
  }
  expect(rowsRead(nodes, "StatusChange")).toBeLessThanOrEqual(changes);
}

beforeAll(async () => {
  await seedDemoData(database.db);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const result = await generateLargeDataset(client, { changes: CHANGES, batchSize: 10_000 });
    expect(result.changes).toBe(CHANGES);
  } finally {
    await client.end();
  }
  const [top] = await database.db.$queryRaw<{ slug: string }[]>`
    SELECT a.slug FROM "StatusChange" sc JOIN "Agreement" a ON a.id = sc."agreementId" GROUP BY a.slug ORDER BY count(*) DESC LIMIT 1`;
  busiest = top!.slug;
}, 300_000);

describe(`reading ${CHANGES.toLocaleString("en")} status changes`, () => {
  it("reads an agreement's history page through the agreement history index", async () => {
    expectIndexBacked(await planOf(publishedChangesSql({ agreement: busiest }, { limit: 20, now })));
    const deep = await listPublishedChanges(null, { agreement: busiest }, { limit: 20, now });
    const next = await listPublishedChanges(null, { agreement: busiest }, { limit: 20, now, cursor: deep.nextCursor! });
    expectIndexBacked(await planOf(publishedChangesSql({ agreement: busiest }, { limit: 20, now, cursor: deep.nextCursor! })));
    expect(next.entries[0]!.effectiveTime <= deep.entries.at(-1)!.effectiveTime).toBe(true);
  });

  it("finds the status before a publish within its own subject's history, not everyone's", async () => {
    const [newest] = await database.db.$queryRaw<{ id: string; count: number }[]>`
      SELECT (SELECT sc.id FROM "StatusChange" sc WHERE sc."agreementId" = a.id AND sc.state = 'PUBLISHED' ORDER BY sc."effectiveTime" DESC LIMIT 1) AS id,
             (SELECT count(*)::int FROM "StatusChange" sc WHERE sc."agreementId" = a.id) AS count
      FROM "Agreement" a WHERE a.slug = ${busiest}`;
    const nodes = await planOf(statusBeforeSql(newest!.id), { withoutSeqScans: true });
    expectNoSeqScanOf(nodes, ["StatusChange"]);
    // One index probe of the entry, then at most its subject's own history.
    expect(rowsRead(nodes, "StatusChange")).toBeLessThanOrEqual(newest!.count + 1);
  });

  it("reads the relations page's queries through indexes", async () => {
    expectIndexBacked(await planOf(publishedChangesSql({ pair: ["JPN", "KOR"] }, { limit: 20, now })));
    expectIndexBacked(await planOf(relationSubjectsSql("JPN", "KOR", now)));
    // The yearly counts read DevelopmentYearCount by its key, never the changes (decision 023).
    const years = await planOf(relationYearsSql("JPN", "KOR"), { withoutSeqScans: true });
    expect(years.filter((node) => node["Relation Name"] === "StatusChange")).toEqual([]);
    const counted = years.filter((node) => node["Relation Name"] === "DevelopmentYearCount" && (node["Actual Loops"] ?? 0) > 0);
    expect(counted.length).toBeGreaterThan(0);
    for (const node of counted) expect(["Index Scan", "Index Only Scan", "Bitmap Heap Scan"]).toContain(node["Node Type"]);
    // A busy party's history is read along the whole history index instead of per subject.
    expectIndexBacked(await planOf(publishedChangesSql({ party: "JPN" }, { limit: 20, now })));
  });

  it("filters the whole history by corroboration with one range scan of the level index per level (decision 038)", async () => {
    const levels = [["SINGLE_SOURCE"], ["WELL_CORROBORATED", "CORROBORATED"], ["UNCORROBORATED"]] as const;
    for (const order of ["effective", "occurred"] as const) {
      for (const corroboration of levels) {
        const filters = { corroboration: [...corroboration], order };
        const nodes = await planOf(publishedChangesSql(filters, { limit: 20, now }));
        expectIndexBacked(nodes);
        const byLevel = nodes.filter((node) => node["Index Name"]?.startsWith("StatusChange_corroboration_") && (node["Actual Loops"] ?? 0) > 0);
        expect(byLevel.length).toBe(corroboration.length);
        // At most a page and one from each level's range; drafts (1 in 100 generated) are passed over.
        for (const node of byLevel) {
          expect(node["Actual Rows"] ?? 0).toBeLessThanOrEqual(21);
          expect(node["Rows Removed by Filter"] ?? 0).toBeLessThanOrEqual(10);
        }
        const page = await listPublishedChanges(null, filters, { limit: 20, now });
        for (const entry of page.entries) expect(corroboration).toContain(entry.corroboration.level);
      }
    }
    const counts = await database.db.statusChange.groupBy({ by: ["shownCorroborationLevel"], _count: true });
    expect(counts.length, "the generated history has entries of several levels").toBeGreaterThan(1);
  });

  it("reads the mirror view through indexes, at most MIRROR_MEASURES_PER_SIDE measures each way", async () => {
    const nodes = await planOf(mirrorSql("JPN", "KOR"), { withoutSeqScans: true });
    expect(nodes.filter((node) => node["Node Type"] === "Seq Scan").map((node) => node["Relation Name"])).toEqual([]);
    expectIndexBacked(nodes);
    const mirror = await getMirror(null, ["JPN", "KOR"]);
    const shown = new Set([...mirror.pairs.flatMap((pair) => [pair.original.id, pair.answer.id]), ...mirror.unpaired.map((measure) => measure.id)]).size;
    expect(shown).toBeLessThanOrEqual(2 * MIRROR_MEASURES_PER_SIDE);
    expect(mirror.isTruncated).toBe(mirror.totalMeasures > shown);
  });

  it("reads the relation and party pages' subjects from stored statuses, bounded by their pages", async () => {
    // After the generator's writes, as a reader's request is: the stored periods hold this instant.
    const later = new Date();
    await expectBoundedPageStatement(relationSubjectsSql("JPN", "KOR", later), { changes: 0 });
    await expectBoundedPageStatement(relationSubjectsSql("JPN", "KOR", later, { limit: 1 }), { changes: 0 });
    // The lanes' skeletons: a window of changes each, whatever the length of their histories.
    const [lanes] = await database.db.$queryRaw<{ lanes: TLaneSubject[] }[]>`
      SELECT json_agg(json_build_object('kind', kind, 'id', id, 'currentId', NULL, 'sinceId', NULL, 'currentSince', NULL)) AS lanes FROM (
        SELECT 'AGREEMENT' AS kind, "agreementId" AS id FROM "StatusChange" WHERE "agreementId" IS NOT NULL GROUP BY 2 ORDER BY count(*) DESC LIMIT 4) busiest`;
    expect(lanes!.lanes).toHaveLength(4);
    await expectBoundedPageStatement(relationLanesSql(lanes!.lanes, later), { changes: 4 * (RELATION_LANE_WINDOW + 20) });
    await expectBoundedPageStatement(relationYearsSql("JPN", "KOR"), { changes: 0 });
    for (const code of ["JPN", "KOR", "USA"]) {
      await expectBoundedPageStatement(partyAgreementsSql(code, later), { changes: 0 });
      await expectBoundedPageStatement(partyMeasuresSql(code, later), { changes: 0 });
      await expectBoundedPageStatement(partyCounterpartsSql(code), { changes: 0 });
    }
  });

  it("reads the relation, party and list statements as of an instant through the record's indexes (decision 036)", async () => {
    const [middle] = await database.db.$queryRaw<{ at: Date }[]>`SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY "effectiveTime") AS at FROM "StatusChange"`;
    for (const axis of ["known", "recorded"] as const) {
      const asOf = { instant: middle!.at, axis };
      const statements = [
        relationSubjectsSql("JPN", "KOR", asOf.instant, { asOf }),
        relationYearsSql("JPN", "KOR", asOf),
        partyAgreementsSql("JPN", asOf.instant, 50, asOf),
        partyMeasuresSql("JPN", asOf.instant, 50, asOf),
        agreementListSql({ status: ["IN_FORCE"] }, { limit: 25, now: asOf.instant, asOf }).sql,
        measureListSql({ sort: "recent" }, { limit: 25, now: asOf.instant, asOf }).sql,
      ];
      for (const sql of statements) {
        const nodes = await planOf(sql, { withoutSeqScans: true });
        const onRecord = nodes.filter((node) => node["Relation Name"] === "StatusChangeRecord" || node["Index Name"]?.startsWith("StatusChangeRecord_"));
        expect(nodes.filter((node) => node["Node Type"] === "Seq Scan" && ["StatusChangeRecord", "StatusChange"].includes(node["Relation Name"] ?? "")), axis).toEqual([]);
        for (const node of onRecord.filter((candidate) => candidate["Relation Name"] === "StatusChangeRecord")) {
          expect(["Index Scan", "Index Only Scan", "Bitmap Heap Scan"]).toContain(node["Node Type"]);
        }
      }
    }
  });

  it("searches everyone's history for a rare and a common word through indexes, with the unbounded statement's first page", async () => {
    // 20 000 changes: "tariffs" is in a tenth of them (found by walking the history index),
    // "gsomia" only in the demo data's (the walk gives up and the GIN index answers).
    for (const q of ["gsomia", "tariffs", "intelligence pact"]) {
      const reference = await database.db.$queryRaw<{ id: string }[]>`
        SELECT id FROM "StatusChange" sc WHERE sc.search @@ websearch_to_tsquery('english', ${q}) AND sc.state = 'PUBLISHED'
        ORDER BY sc."effectiveTime" DESC, sc."occurredAt" DESC, sc."createdAt" DESC, sc.id DESC LIMIT 10`;
      expect(reference.length, q).toBeGreaterThan(0);
      const page = await listPublishedChanges(null, { q, state: "published" }, { limit: 10, now });
      expect(page.entries.map((entry) => entry.id), q).toEqual(reference.map((row) => row.id));
      // For "tariffs" the walk answers and the planned GIN branch ("CTE matches") never runs; near
      // its cost threshold the planner plans it as a sequential scan on some draws of the data (the
      // ids, and so the citations, are random). What runs is held, as in the subjects' test below.
      expectIndexBacked((await planOf(publishedChangesSql({ q, state: "published" }, { limit: 10, now }))).filter((node) => (node["Actual Loops"] ?? 0) > 0));
    }
    // A page of 100 walks further instead of sending a word in a tenth of all changes to the GIN index.
    const hundred = await planOf(publishedChangesSql({ q: "tariffs" }, { limit: 100, now }));
    expectIndexBacked(hundred.filter((node) => (node["Actual Loops"] ?? 0) > 0));
    expect(hundred.filter((node) => node["Index Name"] === "StatusChange_search_idx" && (node["Actual Loops"] ?? 0) > 0)).toEqual([]);
  });

  it("finds subjects through a bounded set of developments, index-backed, for a word in every change, a common and a rare one", async () => {
    // "synthetic" is in every generated change and "tariffs" in a tenth: the walk of the newest
    // changes answers and the GIN index is never read; "gsomia" is only in the demo data's changes.
    for (const q of ["synthetic", "tariffs", "gsomia"]) {
      for (const sql of [agreementListSql({ q }, { limit: 25, now }).sql, measureListSql({ q }, { limit: 25, now }).sql]) {
        // For a word in every change the planner plans the GIN branch as a sequential scan that
        // would stop at the LIMIT; it never runs (Actual Loops 0), as the walk answers. What runs is held.
        const nodes = (await planOf(sql)).filter((node) => (node["Actual Loops"] ?? 0) > 0);
        expectIndexBacked(nodes);
        expectBoundedReads(nodes);
        expectNoSeqScanOf(await planOf(sql, { withoutSeqScans: true }), ["StatusChange", "Agreement", "TradeMeasure"]);
      }
    }
    const common = await listAgreements(null, { q: "tariffs" }, { limit: 25, now });
    const [own] = await database.db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Agreement" a WHERE a.search @@ websearch_to_tsquery('english', 'tariffs')`;
    expect(common.isTotalAtLeast).toBe(true);
    expect(common.total).toBeGreaterThan(own!.count);
    const rare = await listAgreements(null, { q: "gsomia" }, { limit: 25, now });
    expect(rare.isTotalAtLeast).toBe(false);
    expect(rare.items.map((item) => item.slug)).toContain("gsomia");
  });

  it("ranks sources through the GIN index: every match below the bound, the first SOURCE_CANDIDATES above it", async () => {
    for (const q of ["tariffs", "report", "gsomia"]) {
      const sql = sourceListSql({ q }, { limit: 10 }).sql;
      expectNoSeqScanOf(await planOf(sql, { withoutSeqScans: true }), ["Source"]);
    }
    // 2,000 sources, a tenth about tariffs: ranked exactly as by reading every match.
    const reference = await database.db.$queryRaw<{ id: string }[]>`
      SELECT s.id FROM "Source" s WHERE s."mergedIntoId" IS NULL AND s.search @@ websearch_to_tsquery('english', 'tariffs')
      ORDER BY ts_rank(s.search, websearch_to_tsquery('english', 'tariffs')) DESC, s.id DESC LIMIT 10`;
    const tariffs = await listSources(null, { q: "tariffs" }, { limit: 10 });
    expect(tariffs.isRankCut).toBe(false);
    expect(tariffs.items.map((source) => source.id)).toEqual(reference.map((row) => row.id));
    // Every generated title is a "Report on …": the keyset pages the first SOURCE_CANDIDATES, each once, and says so.
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await listSources(null, { q: "report" }, { limit: 100, cursor });
      expect(page.isRankCut || page.items.length === 0).toBe(true);
      for (const source of page.items) seen.add(source.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(SOURCE_CANDIDATES);
  });

  it("walks fifty pages of everyone's history in order, each row once, as fast deep as at the start", async () => {
    const seen = new Set<string>();
    let previous = Infinity;
    let cursor: string | undefined;
    let firstPageMs = 0;
    let lastPageMs = 0;
    for (let page = 0; page < 50; page++) {
      const started = performance.now();
      const result = await listPublishedChanges(null, {}, { limit: 40, now, cursor });
      const elapsed = performance.now() - started;
      if (page === 0) firstPageMs = elapsed;
      lastPageMs = elapsed;
      for (const entry of result.entries) {
        expect(seen.has(entry.id)).toBe(false);
        seen.add(entry.id);
        expect(entry.effectiveTime.getTime()).toBeLessThanOrEqual(previous);
        previous = entry.effectiveTime.getTime();
      }
      cursor = result.nextCursor!;
    }
    expect(seen.size).toBe(2000);
    // Generous: a deep page must not cost like an OFFSET scan (which grows with depth).
    expect(lastPageMs).toBeLessThan(Math.max(firstPageMs * 5, 500));
  });

  it("pages the agreement list and the source list to the end without gaps or repeats", async () => {
    const slugs: string[] = [];
    let cursor: string | undefined;
    let total = 0;
    do {
      const page = await listAgreements(null, { sort: "recent" }, { limit: 25, now, cursor });
      total = page.total;
      slugs.push(...page.items.map((agreement) => agreement.slug));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(slugs).size).toBe(total);
    expect(total).toBe(await database.db.agreement.count());

    let sources = 0;
    cursor = undefined;
    for (let page = 0; page < 20; page++) {
      const result = await listSources(null, { sort: "title" }, { limit: 50, cursor });
      sources += result.items.length;
      cursor = result.nextCursor ?? undefined;
    }
    expect(sources).toBe(1000);
  });
});
