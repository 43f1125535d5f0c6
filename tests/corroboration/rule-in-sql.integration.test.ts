import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corroborate, type TCorroborationSource } from "../../lib/domain/corroboration";
import type { Reliability } from "../../lib/generated/prisma/enums";
import { makeAgreement, makeCitingEntry, makeSource } from "../support/registry-factories";
import { useTestDatabase } from "../support/test-database";

// The corroboration filter (decision 038) reads StatusChange.shownCorroborationLevel, which
// triggers keep from the rule written again in SQL (migration corroboration_filter). Here the
// SQL and lib/domain/corroboration.ts must agree on random registries, and the stored level must
// follow every write that moves it: citations, a source's grade, group, chain or retirement, and
// an analyst's judgment.

const database = useTestDatabase();

const GRADES: Reliability[] = ["A", "B", "C", "D", "E", "F"];
const PUBLISHERS = ["Yonhap News Agency", "  yonhap   news agency ", "The Korea Herald", "KOREA HERALD", "Kyodo", "ｋｙｏｄｏ"];
const GROUPS = [null, null, "Yonhap", "YONHAP", "Nikkei", "nikkei"];

async function storedLevel(id: string) {
  return (await database.db.statusChange.findUniqueOrThrow({ where: { id }, select: { shownCorroborationLevel: true } })).shownCorroborationLevel;
}

async function ruleLevel(changeId: string) {
  // The rule as the domain states it: the whole registry at hand, so chains are followed to their end.
  const sources = await database.db.source.findMany({ select: { id: true, publisher: true, publisherGroup: true, syndicatedFromId: true, reliability: true, retiredAt: true } });
  const all: TCorroborationSource[] = sources.map(({ retiredAt, ...source }) => ({ ...source, isRetired: retiredAt !== null }));
  const citations = await database.db.citation.findMany({ where: { statusChangeId: changeId }, select: { sourceId: true } });
  const cited = citations.map((citation) => all.find((source) => source.id === citation.sourceId)!);
  return corroborate(cited, all).level;
}

describe("the corroboration rule in SQL", () => {
  it("gives the level lib/domain/corroboration.ts gives, on random registries with groups, chains, loops and retired sources", async () => {
    const agreement = await makeAgreement(database.db);
    const registry = fc.array(
      fc.record({
        publisher: fc.constantFrom(...PUBLISHERS),
        group: fc.constantFrom(...GROUPS),
        reliability: fc.constantFrom(...GRADES),
        isRetired: fc.boolean(),
        carries: fc.option(fc.nat(5), { nil: null }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(registry, fc.array(fc.nat(5), { maxLength: 5 }), async (drawn, picks) => {
        const sources: { id: string }[] = [];
        for (const source of drawn) {
          sources.push(await makeSource(database.db, { publisher: source.publisher, publisherGroup: source.group, reliability: source.reliability, retiredAt: source.isRetired ? new Date() : null }));
        }
        // Chains (a loop included when drawn) are set after every source exists.
        for (const [index, source] of drawn.entries()) {
          const carried = source.carries === null ? index : source.carries % sources.length;
          // A source carrying itself is refused by a CHECK; longer loops are allowed and drawn.
          if (carried === index) continue;
          await database.db.source.update({ where: { id: sources[index]!.id }, data: { syndicatedFromId: sources[carried]!.id } });
        }
        const cited = [...new Set(picks.map((pick) => sources[pick % sources.length]!.id))];
        const entry = await makeCitingEntry(database.db, agreement.id, cited);
        expect(await storedLevel(entry.id)).toBe(await ruleLevel(entry.id));
        // Clean up so the next run's registry is its own (the rule reads chains through the whole table).
        await database.db.citation.deleteMany({ where: { statusChangeId: entry.id } });
        await database.db.statusChange.delete({ where: { id: entry.id } });
        await database.db.source.updateMany({ where: { id: { in: sources.map((source) => source.id) } }, data: { syndicatedFromId: null } });
        await database.db.source.deleteMany({ where: { id: { in: sources.map((source) => source.id) } } });
      }),
      { numRuns: 20 },
    );
  });

  it("moves the stored level with citations, a source's grade, group, chain and retirement, and the analyst's judgment", async () => {
    const agreement = await makeAgreement(database.db);
    const wire = await makeSource(database.db, { publisher: "Wire Agency", reliability: "B" });
    const paper = await makeSource(database.db, { publisher: "Daily Paper", reliability: "B" });
    const entry = await makeCitingEntry(database.db, agreement.id, [wire.id]);
    expect(await storedLevel(entry.id)).toBe("SINGLE_SOURCE");

    await database.db.citation.create({ data: { statusChangeId: entry.id, sourceId: paper.id, position: 1 } });
    expect(await storedLevel(entry.id)).toBe("WELL_CORROBORATED");
    await database.db.source.update({ where: { id: paper.id }, data: { reliability: "D" } });
    expect(await storedLevel(entry.id)).toBe("CORROBORATED");
    await database.db.source.update({ where: { id: paper.id }, data: { syndicatedFromId: wire.id } });
    expect(await storedLevel(entry.id)).toBe("SINGLE_SOURCE");
    await database.db.source.update({ where: { id: paper.id }, data: { syndicatedFromId: null, publisherGroup: "Wire Agency" } });
    expect(await storedLevel(entry.id)).toBe("CORROBORATED");
    await database.db.source.update({ where: { id: paper.id }, data: { publisherGroup: null, retiredAt: new Date() } });
    expect(await storedLevel(entry.id)).toBe("SINGLE_SOURCE");

    await database.db.statusChange.update({ where: { id: entry.id }, data: { corroborationLevel: "UNCORROBORATED", corroborationReason: "The wire report was withdrawn." } });
    expect(await storedLevel(entry.id)).toBe("UNCORROBORATED");
    await database.db.statusChange.update({ where: { id: entry.id }, data: { corroborationLevel: null, corroborationReason: null } });
    expect(await storedLevel(entry.id)).toBe("SINGLE_SOURCE");
    await database.db.citation.deleteMany({ where: { statusChangeId: entry.id } });
    expect(await storedLevel(entry.id)).toBe("UNCORROBORATED");
  });
});
