import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AGREEMENT_STATUSES } from "../../lib/domain/statuses";
import { ZEditStatusChange, ZRetractStatusChange } from "../../lib/schemas/status-change";
import { createDatabase, setDatabase, type TDatabase } from "../../lib/server/db";
import { AppError } from "../../lib/server/errors";
import type { TSignedInActor } from "../../lib/server/permissions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { CLARIFICATION, createTestAgreement, createTestUser, derivedStatusOf, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";

// Truly concurrent transactions: every call below starts at once, on a client with a pool large
// enough (on a PostgreSQL server) for the transactions to be open at the same time. The embedded
// database serves one transaction at a time, so there the same tests prove the writes queue
// correctly rather than fail.
const isServer = Boolean(inject("testDatabaseServerUrl"));
// Embedded, every transaction waits for all before it; a write that waits more than the pool's
// 10-second connection timeout (lib/server/db.ts) fails, so a slow machine races fewer there.
const PUBLISHES = isServer ? 50 : 30;
const PAIRS = isServer ? 12 : 6;

const database = useTestDatabase();
let racingDb: TDatabase;
let analyst: TSignedInActor;
let otherAnalyst: TSignedInActor;
let admin: TSignedInActor;

beforeAll(async () => {
  racingDb = isServer ? createDatabase({ url: database.url, poolSize: 20, applicationName: "pactwatch-race" }) : database.db;
  setDatabase(racingDb);
  analyst = await createTestUser(database.db, "ANALYST", "Racing Analyst");
  otherAnalyst = await createTestUser(database.db, "ANALYST", "Other Analyst");
  admin = await createTestUser(database.db, "ADMIN", "Racing Admin");
});

afterAll(async () => {
  setDatabase(database.db);
  if (racingDb !== database.db) await racingDb.$disconnect();
});

/** Samples how many transactions of the racing client are open at once while `work` runs (server only). */
async function withOverlapProbe<T>(work: () => Promise<T>): Promise<{ result: T; maxOpen: number }> {
  let maxOpen = 0;
  let running = true;
  const probe = (async () => {
    while (running && isServer) {
      const [row] = await database.db.$queryRaw<{ open: bigint }[]>`
        SELECT count(*) AS open FROM pg_stat_activity
         WHERE application_name = 'pactwatch-race' AND xact_start IS NOT NULL AND datname = current_database()`;
      maxOpen = Math.max(maxOpen, Number(row?.open ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  try {
    return { result: await work(), maxOpen };
  } finally {
    running = false;
    await probe;
  }
}

function outcome(promise: Promise<unknown>): Promise<"ok" | string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`),
  );
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** An agreement in force, then given notice: the notice entry is the one edited and retracted at once. */
async function createRacedPair(index: number) {
  const slug = await createTestAgreement(database.db, analyst);
  const older = await logStatusChange(analyst, logInput(`agreement:${slug}`, { status: "IN_FORCE", headline: "In force", occurredOn: "2016-11-23" }));
  const raced = await logStatusChange(analyst, logInput(`agreement:${slug}`, { status: "NOTICE_GIVEN", headline: `Notice ${index}`, occurredOn: "2019-08-23" }));
  const form = (await getStatusChange(analyst, raced.id)).formValues;
  const edit = ZEditStatusChange.parse({ ...form, ...CLARIFICATION, id: raced.id, version: "1", intent: "save", status: "SUSPENDED", headline: `Edited ${index}` });
  return { slug, older, raced, edit };
}

describe("concurrent writes", () => {
  it(`${PUBLISHES} publishes racing on one agreement end with ${PUBLISHES} entries, one shared new source, and the status of the latest by effective time`, async () => {
    const slug = await createTestAgreement(database.db, analyst);
    // Day i of 2019; every third one also has an effective time a little later. Started in random order.
    const plans = Array.from({ length: PUBLISHES }, (_, index) => {
      const day = new Date(Date.UTC(2019, 0, 1 + index * 5));
      const occurredOn = day.toISOString().slice(0, 10);
      const effectiveAt = index % 3 === 0 ? `${new Date(day.getTime() + 2 * 86_400_000).toISOString().slice(0, 10)}T09:00` : "";
      return { index, occurredOn, effectiveAt, status: AGREEMENT_STATUSES[index % AGREEMENT_STATUSES.length] as string };
    });
    const sharedUrl = "https://race.example.org/breaking?utm_campaign=race";
    const started = performance.now();
    const { result: outcomes, maxOpen } = await withOverlapProbe(() =>
      Promise.all(
        shuffled(plans).map((plan) =>
          outcome(
            logStatusChange(
              plan.index % 2 === 0 ? analyst : otherAnalyst,
              logInput(`agreement:${slug}`, {
                headline: `Development ${plan.index}`,
                status: plan.status,
                occurredOn: plan.occurredOn,
                effectiveAt: plan.effectiveAt,
                citations: [{ url: sharedUrl, title: "Breaking", publisher: "Race Wire", credibility: "3" }],
              }),
            ),
          ),
        ),
      ),
    );
    const elapsed = performance.now() - started;
    console.log(`[race] ${PUBLISHES} concurrent publishes: ${elapsed.toFixed(0)} ms, at most ${maxOpen} transactions open at once`);

    expect(outcomes.filter((result) => result !== "ok")).toEqual([]);
    expect(await database.db.statusChange.count({ where: { agreement: { slug }, state: "PUBLISHED" } })).toBe(PUBLISHES);
    expect(await database.db.source.count({ where: { url: "https://race.example.org/breaking" } })).toBe(1);
    expect(await database.db.revision.count({ where: { entityType: "StatusChange", entityId: { in: (await database.db.statusChange.findMany({ where: { agreement: { slug } }, select: { id: true } })).map((row) => row.id) } } })).toBe(PUBLISHES);
    const latest = plans[PUBLISHES - 1]!;
    const current = (await derivedStatusOf(database.db, slug)).current;
    const latestEntry = await database.db.statusChange.findFirstOrThrow({ where: { agreement: { slug }, headline: `Development ${latest.index}` } });
    expect(current).toMatchObject({ changeId: latestEntry.id, status: latest.status });
    if (isServer) expect(maxOpen).toBeGreaterThan(1);
  });

  it("an edit racing a retraction never leaves a retracted entry as the current status, and never overwrites the retraction", async () => {
    // Set up one pair after another: only the race itself is concurrent.
    const pairs: Awaited<ReturnType<typeof createRacedPair>>[] = [];
    for (let index = 0; index < PAIRS; index += 1) pairs.push(await createRacedPair(index));
    const { result: outcomes, maxOpen } = await withOverlapProbe(() =>
      Promise.all(
        pairs.map(async (pair) => {
          const retraction = ZRetractStatusChange.parse({ id: pair.raced.id, version: "1", reason: "Racing retraction" });
          const calls = shuffled([
            { kind: "edit", run: () => editStatusChange(otherAnalyst, pair.edit) },
            { kind: "retract", run: () => retractStatusChange(admin, retraction) },
          ]);
          const results = await Promise.all(calls.map((call) => outcome(call.run())));
          return Object.fromEntries(calls.map((call, index) => [call.kind, results[index]])) as { edit: string; retract: string };
        }),
      ),
    );
    console.log(
      `[race] ${PAIRS} edit/retract pairs: retraction won ${outcomes.filter((result) => result.retract === "ok").length}, edit won ${outcomes.filter((result) => result.edit === "ok").length}, at most ${maxOpen} transactions open at once`,
    );

    for (const [index, pair] of pairs.entries()) {
      const result = outcomes[index]!;
      // Exactly one wins; the other is told it is out of date.
      expect([result.edit, result.retract].sort()).toEqual(["CONFLICT", "ok"]);
      const entry = await database.db.statusChange.findUniqueOrThrow({ where: { id: pair.raced.id } });
      const current = (await derivedStatusOf(database.db, pair.slug)).current;
      if (result.retract === "ok") {
        expect(entry).toMatchObject({ state: "RETRACTED", headline: `Notice ${index}`, status: "NOTICE_GIVEN", version: 2 });
        expect(current?.changeId).toBe(pair.older.id);
      } else {
        expect(entry).toMatchObject({ state: "PUBLISHED", headline: `Edited ${index}`, status: "SUSPENDED", version: 2 });
        expect(current).toMatchObject({ changeId: pair.raced.id, status: "SUSPENDED" });
      }
      const retracted = await database.db.statusChange.findMany({ where: { agreement: { slug: pair.slug }, state: "RETRACTED" }, select: { id: true } });
      expect(retracted.map((row) => row.id)).not.toContain(current?.changeId);
    }
  });

  it("two edits racing on one entry: one is saved, the other gets a conflict, nothing is overwritten", async () => {
    const slug = await createTestAgreement(database.db, analyst);
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const form = (await getStatusChange(analyst, id)).formValues;
    const edits = [analyst, otherAnalyst, admin].map((actor, index) => ({
      actor,
      input: ZEditStatusChange.parse({ ...form, ...CLARIFICATION, id, version: "1", intent: "save", headline: `Edit by ${index}`, citations: [{ url: `https://race.example.org/edit-${index}`, title: `Source ${index}`, publisher: "Wire", credibility: "2" }] }),
    }));
    const outcomes = await Promise.all(edits.map((edit) => outcome(editStatusChange(edit.actor, edit.input))));
    expect(outcomes.filter((result) => result === "ok")).toHaveLength(1);
    expect(outcomes.filter((result) => result === "CONFLICT")).toHaveLength(2);
    const winner = outcomes.indexOf("ok");
    const entry = await database.db.statusChange.findUniqueOrThrow({ where: { id }, include: { citations: { include: { source: true } } } });
    expect(entry.headline).toBe(`Edit by ${winner}`);
    expect(entry.citations.map((citation) => citation.source.url)).toEqual([`https://race.example.org/edit-${winner}`]);
    // The losers' new sources were rolled back with their edits.
    expect(await database.db.source.count({ where: { url: { startsWith: "https://race.example.org/edit-" } } })).toBe(1);
  });
});
