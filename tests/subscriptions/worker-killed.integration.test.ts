import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { createSubscription } from "../../lib/server/subscriptions/create-subscription";
import { ZCreateSubscription } from "../../lib/schemas/subscription";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { startMailReceiver, waitFor } from "./mail-receiver";

// A worker killed (SIGKILL) while the SMTP server holds its message unanswered: the job goes back
// to the queue when it expires, the worker started again delivers it, and the mail arrives once.

const database = useTestDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-killed-"));
let releaseFirst: (error?: Error) => void = () => {};
let held = 0;
const mail = await startMailReceiver({
  holdData: () => {
    held += 1;
    if (held > 1) return Promise.resolve();
    // The first message is never answered: its worker dies waiting.
    return new Promise<void>((_resolve, reject) => (releaseFirst = (error) => reject(error ?? new Error("released"))));
  },
});
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/subscriptions/worker-process.ts"], {
    env: { ...process.env, DATABASE_URL: database.url, WORKER_IS_EMBEDDED: database.isEmbedded ? "1" : "0", SMTP_URL: mail.url, PACTWATCH_DATA_DIR: dataDir, DELIVERY_JOB_EXPIRY_SECONDS: "5", PUBLIC_URL: "http://pactwatch.test" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  workers.push(child);
  return child;
}

afterAll(async () => {
  for (const child of workers) if (child.exitCode === null) child.kill("SIGKILL");
  releaseFirst(new Error("test over"));
  await mail.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a worker killed mid-delivery", () => {
  it("delivers the mail once after a worker starts again", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const slug = await createTestAgreement(database.db, analyst);
    await createSubscription(reader, ZCreateSubscription.parse({ subjectKind: "AGREEMENT", subject: slug, rule: "ANY_DEVELOPMENT", channel: "EMAIL" }));
    const first = startWorker();
    await logStatusChange(analyst, logInput(`agreement:${slug}`));
    await waitFor(() => held === 1, 60_000, "the first worker to reach the SMTP server's DATA");
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    releaseFirst(new Error("the sender died"));
    expect(mail.messages).toHaveLength(0);
    const delivery = await database.db.delivery.findFirstOrThrow({ where: { subscription: { userId: reader.id } } });
    expect(delivery.state).toBe("PENDING");

    startWorker();
    await waitFor(() => mail.messages.length === 1, 60_000, "the mail after the restart");
    await waitFor(async () => (await database.db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).state === "SENT", 10_000, "the delivery marked sent");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(mail.messages).toHaveLength(1);
    expect(await database.db.mailMessage.count({ where: { deliveryId: delivery.id } })).toBe(1);
    expect(mail.messages[0]!.messageId).toBe(`<delivery-${delivery.id}@pactwatch>`);
  }, 150_000);
});
