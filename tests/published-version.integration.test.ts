import { describe, expect, it } from "vitest";
import { seedStates } from "../prisma/seed/seed-database";
import { runWriteTransaction } from "../lib/server/write-transaction";
import { createTestUser } from "./support/desk-factories";
import { useTestDatabase } from "./support/test-database";
import { makeRandomAgreement, seededRandom } from "./support/random-history";

// The page cache's version (decision 024): every write a signed-out reader could see moves it,
// once per transaction and only at commit; nothing else does. The first test enumerates the
// schema, so a table added later without a decision about the cache fails here.

const database = useTestDatabase();

/** Tables whose writes move the version: what reader pages, feeds and the public API show. */
const SHOWN = ["Agreement", "AgreementParty", "Citation", "Condition", "ConditionCitation", "ConditionStateChange", "Link", "MirrorPairDismissal", "Party", "PartyPosition", "Revision", "Source", "StatusChange", "StatusChangeRecord", "TradeMeasure", "TradeMeasureTarget", "User"];
/** Tables that need no trigger, and why. */
const NOT_SHOWN: Record<string, string> = {
  ApiToken: "credentials: never on a reader's page",
  Digest: "a subscriber's daily digest (decision 035): private to its owner, read signed in only",
  Delivery: "subscriptions are private to their owner (issue 14): a delivery log is read signed in, never from the cache",
  MailMessage: "an account's own outbox, read signed in only",
  Subscription: "private to its owner (what an account follows is nobody else's business); read signed in only, never cached",
  CurrentStatusPeriod: "derived from StatusChange in the same statement, whose own trigger moves the version",
  AuditEvent: "the audit log is for admins, who are signed in and never served from the cache",
  DevelopmentYearCount: "derived from StatusChange in the same statement, whose own trigger moves the version",
  ExportLease: "export bookkeeping; exports are never cached",
  IdempotencyKey: "request replay bookkeeping of writers",
  PublishedVersion: "the version itself",
  RateLimit: "limit counters; searches and exports, which they count, are never cached",
  Session: "sign-in state: a signed-in request is never served from the cache",
  _prisma_migrations: "schema history",
  DeskSetting: "the desk's switches (two-person review): read by desk pages, which are signed in and never cached",
  ReviewRequest: "submissions for review live on the desk; what readers see of a review (the reviewer) is on StatusChange and Revision, whose triggers move the version",
};

async function version(): Promise<bigint> {
  const [row] = await database.db.$queryRaw<{ version: bigint }[]>`SELECT sum(n)::bigint AS version FROM "PublishedVersion"`;
  return row!.version;
}

describe("PublishedVersion", () => {
  it("is moved by a trigger on every table readers see, and every other table says why it needs none", async () => {
    const tables = await database.db.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`;
    const triggered = await database.db.$queryRaw<{ name: string }[]>`
      SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE p.proname = 'pw_bump_published_version' AND NOT t.tgisinternal ORDER BY 1`;
    expect(triggered.map((row) => row.name)).toEqual([...SHOWN].sort());
    const undecided = tables.map((row) => row.name).filter((name) => !SHOWN.includes(name) && !(name in NOT_SHOWN));
    expect(undecided, "a new table: add a published_version trigger, or say in NOT_SHOWN why readers never see it").toEqual([]);
    expect(await database.db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "PublishedVersion"`).toEqual([{ count: 64 }]);
  });

  it("moves once per committed transaction, at any size, and not for a rolled-back one or a read", async () => {
    await seedStates(database.db);
    const before = await version();
    await database.db.$queryRaw`SELECT count(*) FROM "StatusChange"`;
    expect(await version()).toBe(before);

    // A write of many rows in many statements in one transaction: one step.
    await runWriteTransaction(async (tx) => {
      await tx.$executeRaw`UPDATE "Party" SET name = name WHERE code IN ('JPN', 'KOR')`;
      await tx.$executeRaw`UPDATE "Party" SET name = name WHERE code = 'USA'`;
      // Not yet: the transaction is open, and readers elsewhere must not see a new version for it.
      // (PGlite is one session, so there is no elsewhere to ask from.)
      if (!database.isEmbedded) expect(await version()).toBe(before);
    });
    expect(await version()).toBe(before + 1n);

    await expect(
      runWriteTransaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Party" SET name = name || '!' WHERE code = 'JPN'`;
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect(await version()).toBe(before + 1n);
    expect((await database.db.party.findUniqueOrThrow({ where: { code: "JPN" } })).name).not.toMatch(/!$/);
  });

  it("moves for a published history written by the app's factories, and for an account's new name but not its sign-in", async () => {
    await seedStates(database.db);
    let before = await version();
    await makeRandomAgreement(database.db, seededRandom(2401), { slug: "version-moves", maxChanges: 5, scheduleSpreadDays: 30, statuses: ["IN_FORCE", "SUSPENDED"] });
    expect(await version()).toBeGreaterThan(before);

    const analyst = await createTestUser(database.db, "ANALYST");
    before = await version();
    await database.db.user.update({ where: { id: analyst.id }, data: { lastSignInAt: new Date() } });
    await database.db.user.update({ where: { id: analyst.id }, data: { role: "ADMIN" } });
    expect(await version()).toBe(before);
    await database.db.user.update({ where: { id: analyst.id }, data: { name: "Renamed analyst" } });
    expect(await version()).toBe(before + 1n);
  });
});
