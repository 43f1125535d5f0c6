import { afterAll, describe, expect, it } from "vitest";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { startDeliveryWorker, type TDeliveryWorker } from "../../lib/server/subscriptions/delivery-worker";
import { FAN_OUT_QUEUE, sendInTransaction } from "../../lib/server/subscriptions/job-queue";
import { runWriteTransaction } from "../../lib/server/write-transaction";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";

// pg-boss 10 looks for work once a polling interval: taken a job at a time, a queue moved 0.5 jobs
// a second, and the benchmark's write path left thousands of fan-outs waiting. The worker drains a
// backlog without waiting between looks, and a job that fails in a batch fails alone.

const database = useTestDatabase();
let worker: TDeliveryWorker | undefined;

afterAll(async () => {
  await worker?.stop();
});

type TJobCount = { state: string; n: number };
const fanOutStates = async () =>
  Object.fromEntries(
    (await database.db.$queryRaw<TJobCount[]>`SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = ${FAN_OUT_QUEUE} GROUP BY state`).map((row) => [row.state, row.n]),
  ) as Record<string, number>;

describe("the delivery worker", () => {
  it("drains a backlog of fan-outs well within one polling interval a batch, and fails only the job that failed", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const slug = await createTestAgreement(database.db, analyst);
    const published = 60;
    for (let n = 0; n < published; n++) {
      await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: `Backlog ${n}` }));
      // A job whose handler throws, among the others (the id is not a UUID).
      if (n === published / 2) await runWriteTransaction((tx) => sendInTransaction(tx, FAN_OUT_QUEUE, { statusChangeId: "not-a-uuid", kind: "PUBLISHED", entryVersion: 1, statusBefore: null }));
    }
    expect(await fanOutStates()).toEqual({ created: published + 1 });

    const started = performance.now();
    // Five seconds between looks: looking once an interval, ten jobs a look, 61 jobs take 30 s.
    worker = await startDeliveryWorker({ databaseUrl: database.url, isEmbedded: database.isEmbedded, pollingIntervalSeconds: 5 });
    let states = await fanOutStates();
    while (performance.now() - started < 20_000 && (states.created ?? 0) + (states.active ?? 0) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      states = await fanOutStates();
    }
    const tookMs = performance.now() - started;

    expect(states.completed).toBe(published);
    // The failed job waits for its retry (or has used them up); it never completed.
    expect((states.retry ?? 0) + (states.failed ?? 0)).toBe(1);
    expect(tookMs).toBeLessThan(10_000);
  });
});
