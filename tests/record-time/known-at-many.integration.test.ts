import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeAgreement, makeSource } from "../support/registry-factories";
import { useTestDatabase } from "../support/test-database";

// Citation writes refresh knowledge time set-based (pw_known_at_many, migration
// set_based_citation_triggers), while a development's own edits use the one-row pw_known_at. The
// two must agree on every development, and the stored knownAt, the shown version's knownAt and
// its citations must be what the rule says after any citation or source write, bulk included.

const database = useTestDatabase();

const OCCURRED = new Date("2019-11-22T00:00:00Z");

type TDrift = { id: string; stored: Date | null; one: Date | null; many: Date | null; recordKnown: Date | null; recordCitations: unknown; rule: unknown };

async function drift(ids: string[]): Promise<TDrift[]> {
  const rows = await database.db.$queryRawUnsafe<TDrift[]>(
    `SELECT sc.id, sc."knownAt" AS stored, pw_known_at(sc.id, sc."occurredAt", sc."publishedAt") AS one, many.known_at AS many,
       r."knownAt" AS "recordKnown", r.citations AS "recordCitations", pw_record_citations(sc.id) AS rule
     FROM "StatusChange" sc
       LEFT JOIN pw_known_at_many($1::uuid[]) many ON many.id = sc.id
       LEFT JOIN "StatusChangeRecord" r ON r."statusChangeId" = sc.id AND r."recordedUntil" IS NULL
     WHERE sc.id = ANY($1::uuid[])`,
    ids,
  );
  return rows.filter((row) =>
    row.stored?.getTime() !== row.one?.getTime() || row.many?.getTime() !== row.one?.getTime() ||
    row.recordKnown?.getTime() !== row.stored?.getTime() || JSON.stringify(row.recordCitations) !== JSON.stringify(row.rule));
}

describe("knowledge time written set-based", () => {
  it("agrees with the one-row rule after bulk citations, moved citations, re-dated sources and removed citations", async () => {
    const agreement = await makeAgreement(database.db);
    const dated = fc.record({
      offsetHours: fc.integer({ min: -96, max: 96 }),
      precision: fc.constantFrom("DAY" as const, "INSTANT" as const),
      undated: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(dated, { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(fc.nat(4), { maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        fc.nat(4),
        fc.integer({ min: -48, max: 48 }),
        async (drawn, picks, moved, shift) => {
          const sources: { id: string }[] = [];
          for (const source of drawn) {
            sources.push(await makeSource(database.db, {
              publishedAt: source.undated ? null : new Date(OCCURRED.getTime() + source.offsetHours * 3_600_000),
              publishedPrecision: source.precision,
            }));
          }
          const entries = [];
          for (const [index] of picks.entries()) {
            entries.push(await database.db.statusChange.create({
              data: { agreementId: agreement.id, status: "IN_FORCE", headline: `Entry ${index}`, occurredAt: OCCURRED, effectiveTime: OCCURRED, state: "PUBLISHED", publishedAt: new Date(OCCURRED.getTime() + 7_200_000) },
            }));
          }
          const ids = entries.map((entry) => entry.id);
          // One statement for every entry's citations, as an import or the generator writes them.
          await database.db.citation.createMany({
            data: picks.flatMap((pick, index) => [...new Set(pick.map((n) => n % sources.length))].map((n, position) => ({ statusChangeId: ids[index]!, sourceId: sources[n]!.id, position }))),
          });
          expect(await drift(ids)).toEqual([]);

          const first = await database.db.citation.findFirst({ where: { statusChangeId: { in: ids } }, orderBy: { position: "asc" } });
          if (first) {
            await database.db.citation.update({ where: { id: first.id }, data: { sourceId: sources[moved % sources.length]!.id } }).catch(() => undefined);
            expect(await drift(ids)).toEqual([]);
          }
          const redated = sources[moved % sources.length]!;
          await database.db.source.update({ where: { id: redated.id }, data: { publishedAt: new Date(OCCURRED.getTime() + shift * 3_600_000), publishedPrecision: "INSTANT" } });
          expect(await drift(ids)).toEqual([]);
          await database.db.citation.deleteMany({ where: { statusChangeId: ids[0]! } });
          expect(await drift(ids)).toEqual([]);
        },
      ),
      { numRuns: 15 },
    );
  });
});
