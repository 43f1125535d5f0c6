import { runWriteTransaction } from "../../lib/server/write-transaction";
import { describe, expect, it } from "vitest";
import { listPublishedChanges } from "../../lib/server/status-changes/list-published-changes";
import { getAgreement } from "../../lib/server/agreements/get-agreement";
import { seededRandom } from "../support/random-history";
import { makeAgreement, makeSource } from "../support/registry-factories";
import { useTestDatabase } from "../support/test-database";

// Record time (decision 029) against replaying the writes: random publishes, edits, citation
// changes and retractions, some several to a transaction, each transaction followed by a
// snapshot of what a reader saw then. Read afterwards on the recorded axis at each snapshot's
// instant, the record must give back exactly that snapshot, citations included.

const database = useTestDatabase();
const DAY = 86_400_000;

type TSnapshot = { at: Date; shown: Map<string, string> };

async function readerSees(agreementId: string): Promise<Map<string, string>> {
  const rows = await database.db.statusChange.findMany({
    where: { agreementId, state: "PUBLISHED" },
    include: { citations: { orderBy: [{ position: "asc" }, { id: "asc" }] } },
  });
  return new Map(rows.map((row) => [row.id, `${row.headline}|${row.status}|${row.citations.map((c) => c.sourceId).join(",")}`]));
}

describe("record time on random histories", () => {
  it("an asOf read on the recorded axis equals the record as it was read at that instant", async () => {
    for (const seed of [3, 17, 29]) {
      const { random, pick } = seededRandom(seed);
      const agreement = await makeAgreement(database.db);
      const sources = await Promise.all([0, 1, 2].map(() => makeSource(database.db)));
      const shown: string[] = [];
      const snapshots: TSnapshot[] = [];
      for (let step = 0; step < 14; step++) {
        await runWriteTransaction(async (tx) => {
          for (let write = 0; write < 1 + Math.floor(random() * 2); write++) {
            const roll = random();
            if (shown.length === 0 || roll < 0.35) {
              const occurredAt = new Date(Date.UTC(2019, 0, 1) + Math.floor(random() * 300) * DAY);
              const created = await tx.statusChange.create({
                data: { agreementId: agreement.id, status: pick(["IN_FORCE", "NOTICE_GIVEN", "SUSPENDED"] as const), headline: `step ${step}`, occurredAt, effectiveTime: occurredAt, state: "PUBLISHED", publishedAt: new Date() },
              });
              await tx.citation.create({ data: { statusChangeId: created.id, sourceId: pick(sources).id } });
              shown.push(created.id);
            } else if (roll < 0.65) {
              const id = pick(shown);
              await tx.statusChange.update({ where: { id }, data: { headline: `edited at ${step}`, version: { increment: 1 } } });
            } else if (roll < 0.85) {
              const id = pick(shown);
              await tx.citation.deleteMany({ where: { statusChangeId: id } });
              await tx.citation.createMany({ data: [{ statusChangeId: id, sourceId: pick(sources).id, position: 0 }, { statusChangeId: id, sourceId: pick(sources).id, position: 1 }] });
            } else {
              const id = shown.splice(Math.floor(random() * shown.length), 1)[0]!;
              await tx.statusChange.update({ where: { id }, data: { state: "RETRACTED", retractedAt: new Date(), retractionReason: "test" } });
            }
          }
        });
        await new Promise((resolve) => setTimeout(resolve, 3));
        snapshots.push({ at: new Date(), shown: await readerSees(agreement.id) });
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      for (const [index, snapshot] of snapshots.entries()) {
        const page = await listPublishedChanges(null, { agreement: agreement.slug, state: "published" }, { asOf: { instant: snapshot.at, axis: "recorded" }, limit: 100 });
        const read = new Map(page.entries.map((entry) => [entry.id, `${entry.headline}|${entry.status}|${entry.citations.map((c) => c.source.id).join(",")}`]));
        expect(read, `seed ${seed}, snapshot ${index}`).toEqual(snapshot.shown);
      }
      // The known axis today is the present record (every source here is undated: known from publication).
      const present = await listPublishedChanges(null, { agreement: agreement.slug, state: "published" }, { limit: 100 });
      const knownNow = await listPublishedChanges(null, { agreement: agreement.slug }, { asOf: { instant: new Date(), axis: "known" }, limit: 100 });
      expect(knownNow.entries.map((entry) => [entry.id, entry.headline])).toEqual(present.entries.map((entry) => [entry.id, entry.headline]));
      const head = await getAgreement(null, agreement.slug, new Date(), { instant: new Date(), axis: "recorded" });
      expect(head.status.current?.changeId).toBe((await getAgreement(null, agreement.slug)).status.current?.changeId);
    }
  }, 120_000);
});
