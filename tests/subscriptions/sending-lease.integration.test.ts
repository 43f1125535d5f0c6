import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCreateSubscription } from "../../lib/schemas/subscription";
import { resetEnvCache } from "../../lib/server/env";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { createSubscription } from "../../lib/server/subscriptions/create-subscription";
import { deliverDelivery, RetryLaterError } from "../../lib/server/subscriptions/deliver-delivery";
import { fanOutDevelopment } from "../../lib/server/subscriptions/fan-out-development";
import { resetMailTransport } from "../../lib/server/subscriptions/mail-transport";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { startMailReceiver } from "./mail-receiver";

// The sending lease (decision 039): a second attempt at a delivery does not send while an earlier
// attempt's committed lease is younger than the job expiry, and takes over once it is older (the
// earlier attempt's worker died). Two attempts at once (a retried job overlapping a slow first
// run) send one mail. Mail goes to a real SMTP server started here, which counts what arrives.

const database = useTestDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-lease-"));
let mail: Awaited<ReturnType<typeof startMailReceiver>>;
let releaseHeld: (() => void)[] = [];
let isHolding = false;
beforeAll(async () => {
  // Holding DATA on demand keeps the first attempt inside SMTP while the second one tries.
  mail = await startMailReceiver({ holdData: () => (isHolding ? new Promise<void>((resolve) => releaseHeld.push(resolve)) : Promise.resolve()) });
  Object.assign(process.env, { SMTP_URL: mail.url, MAIL_FROM: "Pactwatch <alerts@pactwatch.test>", PACTWATCH_DATA_DIR: dataDir, PUBLIC_URL: "http://pactwatch.test", DELIVERY_JOB_EXPIRY_SECONDS: "30" });
  resetEnvCache();
  resetMailTransport();
});
afterAll(async () => {
  for (const resolve of releaseHeld) resolve();
  for (const key of ["SMTP_URL", "MAIL_FROM", "PACTWATCH_DATA_DIR", "PUBLIC_URL", "DELIVERY_JOB_EXPIRY_SECONDS"]) delete process.env[key];
  resetEnvCache();
  resetMailTransport();
  await mail.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function pendingDelivery(headline: string) {
  const analyst = await createTestUser(database.db, "ANALYST");
  const reader = await createTestUser(database.db, "READER");
  const slug = await createTestAgreement(database.db, analyst);
  await createSubscription(reader, ZCreateSubscription.parse({ subjectKind: "AGREEMENT", subject: slug, rule: "ANY_DEVELOPMENT", channel: "EMAIL" }));
  const entry = await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline }));
  await fanOutDevelopment({ statusChangeId: entry.id, kind: "PUBLISHED", entryVersion: 1, statusBefore: null });
  const delivery = await database.db.delivery.findFirstOrThrow({ where: { statusChangeId: entry.id }, select: { id: true } });
  return { id: delivery.id, email: reader.email };
}
const received = (email: string) => mail.messages.filter((message) => JSON.stringify(message.to).includes(email)).length;

describe("the sending lease", () => {
  it("keeps a second attempt from sending while an earlier attempt's lease is young, and lets it take over once the lease is older than the expiry", async () => {
    const delivery = await pendingDelivery("Lease held");
    // An earlier attempt claimed it 10 s ago (it may be inside SMTP, or recording what it sent).
    await database.db.$executeRaw`UPDATE "Delivery" SET "sendingSince" = now() - interval '10 seconds', "attempts" = 1 WHERE "id" = ${delivery.id}::uuid`;
    await expect(deliverDelivery(delivery.id, { isLastAttempt: false })).rejects.toBeInstanceOf(RetryLaterError);
    expect(received(delivery.email)).toBe(0);
    expect(await database.db.delivery.findUniqueOrThrow({ where: { id: delivery.id }, select: { state: true, attempts: true } })).toEqual({ state: "PENDING", attempts: 1 });

    // Its worker died: past the expiry (30 s here) the lease is stale and a retry sends it.
    await database.db.$executeRaw`UPDATE "Delivery" SET "sendingSince" = now() - interval '31 seconds' WHERE "id" = ${delivery.id}::uuid`;
    expect(await deliverDelivery(delivery.id, { isLastAttempt: false })).toBe("sent");
    expect(received(delivery.email)).toBe(1);
    expect(await database.db.delivery.findUniqueOrThrow({ where: { id: delivery.id }, select: { state: true, attempts: true } })).toEqual({ state: "SENT", attempts: 2 });
  });

  it("sends one mail when a retry runs while the first attempt is still inside SMTP", async () => {
    const delivery = await pendingDelivery("Two attempts at once");
    isHolding = true;
    const first = deliverDelivery(delivery.id, { isLastAttempt: false });
    // The first attempt has claimed the lease and waits in DATA.
    for (let waited = 0; releaseHeld.length === 0 && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(releaseHeld).toHaveLength(1);
    await expect(deliverDelivery(delivery.id, { isLastAttempt: false })).rejects.toBeInstanceOf(RetryLaterError);
    isHolding = false;
    for (const resolve of releaseHeld) resolve();
    releaseHeld = [];
    expect(await first).toBe("sent");
    expect(received(delivery.email)).toBe(1);
    expect(await database.db.mailMessage.count({ where: { deliveryId: delivery.id } })).toBe(1);
    expect(await database.db.auditEvent.count({ where: { action: "delivery:sent", entityId: delivery.id } })).toBe(1);
  });

  it("is given back when the mail server refuses, so the retry sends without waiting out the expiry", async () => {
    const delivery = await pendingDelivery("Refused first");
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvCache();
    resetMailTransport();
    await expect(deliverDelivery(delivery.id, { isLastAttempt: false })).rejects.toThrow();
    expect(await database.db.delivery.findUniqueOrThrow({ where: { id: delivery.id }, select: { sendingSince: true } })).toEqual({ sendingSince: null });
    process.env.SMTP_URL = mail.url;
    resetEnvCache();
    resetMailTransport();
    expect(await deliverDelivery(delivery.id, { isLastAttempt: false })).toBe("sent");
    expect(received(delivery.email)).toBe(1);
  });
});
