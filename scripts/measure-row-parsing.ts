// What parsing raw-query rows with their zod schemas costs (docs/decisions/009-typed-rows.md):
// the demo data's real history rows and agreement page rows, read once from an in-memory
// embedded database, then converted many times with the schemas (parseRows) and with the
// hand-written conversion they replaced (a cast and new Date() of the json instants).
//   npx tsx --conditions=react-server scripts/measure-row-parsing.ts
import { performance } from "node:perf_hooks";
import { Prisma } from "../lib/generated/prisma/client";
import { createDatabase } from "../lib/server/db";
import { historyEntriesSql, toReaderEntry } from "../lib/server/history-sql";
import { ZHistoryRow, type THistoryRow } from "../lib/server/rows/history-row";
import { parseRows } from "../lib/server/rows/parse-rows";
import { ZAgreementPageRow } from "../lib/server/rows/subject-page-row";
import { skeletonJsonSql } from "../lib/server/subject-sql";
import { startEmbeddedDatabase } from "../prisma/tooling/embedded-database";
import { applyMigrations } from "../prisma/tooling/migrations";
import { seedDemoData } from "../prisma/seed/seed-database";

type TJsonRow = Record<string, unknown> & { citations: { source: Record<string, unknown> }[]; skeleton: Record<string, unknown>[] };
const toDate = (value: unknown) => (value === null ? null : new Date(value as string));

/** The conversion before the schemas: trust the row, make the json instants Dates. */
function castHistoryRow(row: TJsonRow) {
  const cast = row as unknown as THistoryRow;
  return toReaderEntry({
    ...cast,
    citations: row.citations.map((citation) => ({
      ...(citation as unknown as THistoryRow["citations"][number]),
      source: { ...(citation.source as unknown as THistoryRow["citations"][number]["source"]), publishedAt: toDate(citation.source.publishedAt), retiredAt: toDate(citation.source.retiredAt) },
    })),
  });
}
function castSkeleton(row: TJsonRow) {
  return row.skeleton.map((change) => ({ ...change, occurredAt: toDate(change.occurredAt), effectiveAt: toDate(change.effectiveAt), createdAt: toDate(change.createdAt) }));
}

/** Mean CPU microseconds of one call of `work` over `runs` runs, after a warm-up (CPU time, so the other processes of a busy machine do not count). */
function time(work: () => unknown, runs: number): number {
  for (let index = 0; index < Math.min(runs, 50); index++) work();
  const start = process.cpuUsage();
  for (let index = 0; index < runs; index++) work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / runs;
}

// CPU per request measured on the app (issue 9): the agreement page and the history API.
const REQUEST_CPU_US = { agreementPage: 72_000, historyApi: 9_000 };

const cycle = <T>(rows: T[], count: number) => Array.from({ length: count }, (_, index) => rows[index % rows.length]!);

const embedded = await startEmbeddedDatabase({ maxConnections: 2 });
await applyMigrations(embedded.url);
const db = createDatabase({ url: embedded.url, poolSize: 1 });
try {
  await seedDemoData(db);
  const page = Prisma.sql`SELECT sc.* FROM "StatusChange" sc WHERE sc.state IN ('PUBLISHED', 'RETRACTED')`;
  const history = (await db.$queryRaw(historyEntriesSql(page, "effective", new Date()))) as TJsonRow[];
  const agreements = (await db.$queryRaw`
    SELECT a.id, a.slug, a.title, a."shortName", a.kind::text AS kind, a.summary, a."signedOn", a."inForceOn", a."termMonths",
      a."autoRenews", a."noticeDays", a."timeZone", a."updatedAt", '[]'::json AS parties, '[]'::json AS related,
      ${skeletonJsonSql("agreementId", Prisma.sql`a.id`)} AS skeleton
    FROM "Agreement" a WHERE EXISTS (SELECT 1 FROM "StatusChange" sc WHERE sc."agreementId" = a.id)`) as TJsonRow[];
  const citations = history.reduce((sum, row) => sum + row.citations.length, 0) / history.length;
  const longest = agreements.reduce((best, row) => (row.skeleton.length > best.skeleton.length ? row : best));
  // A long history: the longest skeleton repeated to 200 changes.
  const longRow = { ...longest, skeleton: cycle(longest.skeleton, 200) };

  const results = [];
  for (const [label, rows, runs] of [["history page, 50 rows", cycle(history, 50), 2000], ["export batch, 1,000 rows", cycle(history, 1000), 200]] as const) {
    const withZod = time(() => parseRows(ZHistoryRow, rows).map(toReaderEntry), runs);
    const withCast = time(() => rows.map(castHistoryRow), runs);
    results.push({ label, rows: rows.length, withZod, withCast });
  }
  for (const [label, row] of [[`agreement page row, ${longest.skeleton.length}-change skeleton`, longest], ["agreement page row, 200-change skeleton", longRow]] as const) {
    results.push({ label, rows: 1, withZod: time(() => parseRows(ZAgreementPageRow, [row]), 5000), withCast: time(() => castSkeleton(row), 5000) });
  }
  console.log(`${history.length} demo history rows, ${citations.toFixed(2)} citations per row on average; node ${process.version}`);
  for (const { label, rows, withZod, withCast } of results) {
    console.log(
      `${label.padEnd(42)} zod ${withZod.toFixed(0).padStart(6)} µs (${(withZod / rows).toFixed(2)} µs/row)   cast ${withCast.toFixed(0).padStart(6)} µs (${(withCast / rows).toFixed(2)} µs/row)   zod costs +${(withZod - withCast).toFixed(0)} µs`,
    );
  }
  const [page50, , agreementRow] = results;
  const share = (extra: number, of: number) => `${((100 * extra) / of).toFixed(2)} %`;
  console.log(`extra CPU of a 50-row history API page: ${share(page50!.withZod - page50!.withCast, REQUEST_CPU_US.historyApi)} of its ${REQUEST_CPU_US.historyApi / 1000} ms`);
  console.log(`extra CPU of the agreement page head: ${share(agreementRow!.withZod - agreementRow!.withCast, REQUEST_CPU_US.agreementPage)} of its ${REQUEST_CPU_US.agreementPage / 1000} ms`);
} finally {
  await db.$disconnect();
  await embedded.close();
}
