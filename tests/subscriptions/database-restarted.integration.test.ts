import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "../../prisma/tooling/migrations";
import { createDatabase, setDatabase, type TDatabase } from "../../lib/server/db";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { createSubscription } from "../../lib/server/subscriptions/create-subscription";
import { ZCreateSubscription } from "../../lib/schemas/subscription";
import { pgCluster, type TPgCluster } from "../e2e/pg-cluster";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { startMailReceiver, waitFor } from "./mail-receiver";

// PostgreSQL restarted, and stopped, while a delivery is in flight (its worker is inside SMTP
// DATA, the server holding the message unanswered): the worker, a process of its own, keeps
// running, and each mail is delivered exactly once — one SMTP message, one MailMessage row, one
// Delivery marked SENT — including the mail accepted while the database was still down.
//
// It needs a server of its own to restart (Debian's pg_createcluster, as root, as in .ci/run),
// so it runs with the server-database suite (TEST_DATABASE_URL) and is skipped on the embedded
// one: PGlite lives inside the process that uses it, and has no server to restart.

const isServerRun = Boolean(inject("testDatabaseServerUrl"));
const canRun = isServerRun && pgCluster.isAvailable();
const CLUSTER = process.env.TEST_RESTART_CLUSTER ?? "pwrestart_it";
const PORT = Number(process.env.TEST_RESTART_PG_PORT ?? 5444);

let cluster: TPgCluster | undefined;
let db: TDatabase | undefined;
let worker: ChildProcess | undefined;
let workerOutput = "";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-restarted-"));

// The SMTP server holds each message until the test lets it go.
let waiting: (() => void)[] = [];
const mail = await startMailReceiver({ holdData: () => new Promise<void>((resolve) => waiting.push(resolve)) });
const releaseHeld = () => {
  for (const resolve of waiting) resolve();
  waiting = [];
};

beforeAll(async () => {
  if (!canRun) return;
  cluster = await pgCluster.create(CLUSTER, PORT);
  await applyMigrations(cluster.url);
  db = createDatabase({ url: cluster.url, poolSize: 4, applicationName: "pactwatch-test" });
  setDatabase(db);
  worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/subscriptions/worker-process.ts"], {
    // An expiry longer than any hold here: a job retried while its first run still waits on SMTP
    // would test the queue's expiry, not the restart.
    env: { ...process.env, DATABASE_URL: cluster.url, WORKER_IS_EMBEDDED: "0", SMTP_URL: mail.url, PACTWATCH_DATA_DIR: dataDir, DELIVERY_JOB_EXPIRY_SECONDS: "60", PUBLIC_URL: "http://pactwatch.test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => (workerOutput = (workerOutput + chunk.toString()).slice(-20_000));
  worker.stdout!.on("data", keep);
  worker.stderr!.on("data", keep);
}, 180_000);

afterAll(async () => {
  releaseHeld();
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker!.once("exit", resolve));
    worker.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (worker.exitCode === null) worker.kill("SIGKILL");
  }
  setDatabase(undefined);
  await db?.$disconnect();
  await cluster?.drop();
  await mail.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function publishToSubscriber(headline: string) {
  const analyst = await createTestUser(db!, "ANALYST");
  const reader = await createTestUser(db!, "READER");
  const slug = await createTestAgreement(db!, analyst);
  await createSubscription(reader, ZCreateSubscription.parse({ subjectKind: "AGREEMENT", subject: slug, rule: "ANY_DEVELOPMENT", channel: "EMAIL" }));
  const held = waiting.length;
  await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline }));
  await waitFor(() => waiting.length > held, 60_000, "the worker to reach the SMTP server's DATA");
  return reader;
}

/** One SMTP message, one outbox row, one Delivery, SENT, with one audit event: after a quiet spell for a repeat to show. */
async function expectDeliveredOnce(reader: { id: string; email: string }) {
  await waitFor(async () => (await db!.delivery.count({ where: { subscription: { userId: reader.id }, state: "SENT" } })) === 1, 60_000, "the delivery marked sent");
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  // A second attempt would be waiting in DATA now.
  expect(waiting, "a repeated SMTP send").toHaveLength(0);
  const received = mail.messages.filter((message) => JSON.stringify(message.to).includes(reader.email));
  expect(received).toHaveLength(1);
  const deliveries = await db!.delivery.findMany({ where: { subscription: { userId: reader.id } } });
  expect(deliveries.map((delivery) => delivery.state)).toEqual(["SENT"]);
  expect(await db!.mailMessage.count({ where: { deliveryId: deliveries[0]!.id } })).toBe(1);
  expect(await db!.auditEvent.count({ where: { action: "delivery:sent", entityId: deliveries[0]!.id } })).toBe(1);
  expect(received[0]!.messageId).toBe(`<delivery-${deliveries[0]!.id}@pactwatch>`);
  expect(worker!.exitCode, workerOutput).toBeNull();
}

describe.skipIf(!canRun)("PostgreSQL going away mid-delivery", () => { // skipped on the embedded run (PGlite has no server to restart) and where pg_createcluster is missing
  it("restarted while the mail is in SMTP DATA: delivered and recorded once", async () => {
    const reader = await publishToSubscriber("Restarted mid-delivery");
    await cluster!.restart();
    releaseHeld();
    await waitFor(() => mail.messages.some((message) => JSON.stringify(message.to).includes(reader.email)), 30_000, "the held mail");
    await expectDeliveredOnce(reader);
  }, 150_000);

  it("stopped while the mail is accepted: recorded once when it is back, never sent again", async () => {
    const reader = await publishToSubscriber("Accepted while the database was down");
    await cluster!.stop();
    releaseHeld();
    await waitFor(() => mail.messages.some((message) => JSON.stringify(message.to).includes(reader.email)), 30_000, "the mail accepted with the database down");
    // Down for longer than one attempt to record it takes to fail.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await cluster!.start();
    await expectDeliveredOnce(reader);
  }, 150_000);

  it("stopped for longer than half the job's expiry after the mail was accepted: recorded once when it is back (decision 039)", async () => {
    const reader = await publishToSubscriber("Accepted before a long outage");
    await cluster!.stop();
    releaseHeld();
    await waitFor(() => mail.messages.some((message) => JSON.stringify(message.to).includes(reader.email)), 30_000, "the mail accepted with the database down");
    // 35 s: past the half-expiry (30 s) after which the worker used to give up recording and let
    // the job's retry send the mail again; still within the expiry (60 s), the attempt's budget.
    await new Promise((resolve) => setTimeout(resolve, 35_000));
    await cluster!.start();
    await expectDeliveredOnce(reader);
  }, 180_000);
});
