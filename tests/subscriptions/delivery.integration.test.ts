import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../lib/server/env";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { createSubscription } from "../../lib/server/subscriptions/create-subscription";
import { startDeliveryWorker, type TDeliveryWorker } from "../../lib/server/subscriptions/delivery-worker";
import { enqueueDevelopment } from "../../lib/server/subscriptions/enqueue-development";
import { resetMailTransport } from "../../lib/server/subscriptions/mail-transport";
import { insertLoggedChange } from "../../lib/server/status-changes/insert-logged-change";
import { runWriteTransaction } from "../../lib/server/write-transaction";
import { ZCreateSubscription } from "../../lib/schemas/subscription";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { startMailReceiver, startWebhookReceiver, waitFor } from "./mail-receiver";

// Publish → delivered once, by real SMTP and a signed webhook; a rolled-back publish → nothing;
// a webhook failing three times → one success after retries. On both databases.

const database = useTestDatabase();
let mail: Awaited<ReturnType<typeof startMailReceiver>>;
let worker: TDeliveryWorker;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-deliveries-"));

beforeAll(async () => {
  mail = await startMailReceiver();
  Object.assign(process.env, { SMTP_URL: mail.url, MAIL_FROM: "Pactwatch <alerts@pactwatch.test>", PACTWATCH_DATA_DIR: dataDir, PUBLIC_URL: "http://pactwatch.test", DELIVERY_RETRY_DELAY_SECONDS: "1" });
  resetEnvCache();
  resetMailTransport();
  worker = await startDeliveryWorker({ databaseUrl: database.url, isEmbedded: database.isEmbedded, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await worker?.stop();
  await mail?.close();
  resetMailTransport();
  for (const name of ["SMTP_URL", "MAIL_FROM", "PACTWATCH_DATA_DIR", "PUBLIC_URL", "DELIVERY_RETRY_DELAY_SECONDS"]) delete process.env[name];
  resetEnvCache();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const subscribe = (actor: Parameters<typeof createSubscription>[0], fields: Record<string, unknown>) =>
  createSubscription(actor, ZCreateSubscription.parse({ subjectKind: "AGREEMENT", rule: "ANY_DEVELOPMENT", includeCorrections: "on", channel: "EMAIL", ...fields }));

describe("delivery", () => {
  it("mails a published development once, within seconds, with text, HTML, its sources and one-click unsubscribe", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const slug = await createTestAgreement(database.db, analyst);
    await logStatusChange(analyst, logInput(`agreement:${slug}`, { status: "IN_FORCE", headline: "In force", direction: "NEUTRAL", occurredOn: "2016-11-23" }));
    const subscription = await subscribe(reader, { subject: slug, rule: "LEAVES_STATUS", ruleStatus: "PROVISIONALLY_EXTENDED" });
    await subscribe(reader, { subject: slug, rule: "ESCALATION" });
    const entered = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const left = await logStatusChange(analyst, logInput(`agreement:${slug}`, { status: "IN_FORCE", headline: "Back in force", occurredOn: "2019-12-01", direction: "DE_ESCALATION" }));
    const tookMs = await waitFor(() => mail.messages.some((message) => message.subject?.includes("Provisionally extended → In force")), 20_000, "the mail");
    expect(tookMs).toBeLessThan(15_000);
    // Give a duplicate time to arrive, then count.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const ours = mail.messages.filter((message) => message.to && JSON.stringify(message.to).includes(reader.email));
    expect(ours).toHaveLength(1);
    const [message] = ours;
    expect(message!.text).toContain("Status before: Provisionally extended");
    expect(message!.text).toContain("Status after: In force");
    expect(message!.text).toContain("The New York Times");
    expect(message!.html).toContain(`/developments/${left.id}`);
    const header = (key: string) => message!.headerLines.find((line) => line.key === key)?.line ?? "";
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toContain(`/unsubscribe/${subscription.id}/one-click?token=`);
    expect(message!.messageId).toMatch(/^<delivery-.*@pactwatch>$/);
    const deliveries = await database.db.delivery.findMany({ where: { subscription: { userId: reader.id } } });
    expect(deliveries.map((delivery) => [delivery.statusChangeId, delivery.state])).toEqual([[left.id, "SENT"]]);
    expect(entered.id).not.toBe(left.id);
    expect(await database.db.auditEvent.count({ where: { action: "delivery:sent", entityId: deliveries[0]!.id } })).toBe(1);
  });

  it("mails a deadline reminder once, when the worker's queue starts it N days before a scheduled effectiveAt", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const slug = await createTestAgreement(database.db, analyst);
    await subscribe(reader, { subject: slug, rule: "DEADLINE_APPROACHING", ruleDays: "1" });
    // A change taking effect a day and under a minute from now (entries are to the minute), so the
    // one-day reminder is due within a minute: scheduled by the publish's plan job, which runs
    // within a few seconds (a reminder already due would be sent at once, which passes too).
    const at = new Date(Math.ceil((Date.now() + 86_400_000 + 5_000) / 60_000) * 60_000);
    const scheduled = await logStatusChange(analyst, logInput(`agreement:${slug}`, { status: "TERMINATED", headline: "Termination takes effect", occurredOn: new Date().toISOString().slice(0, 10), timeZone: "UTC", effectiveAt: at.toISOString().slice(0, 16), effectiveTimeZone: "UTC", direction: "ESCALATION" }));
    const isOurs = (message: (typeof mail.messages)[number]) => JSON.stringify(message.to).includes(reader.email);
    await waitFor(() => mail.messages.some(isOurs), 150_000, "the reminder");
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 86_400_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const ours = mail.messages.filter(isOurs);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.subject).toContain("Deadline ahead");
    expect(ours[0]!.text).toContain(`/developments/${scheduled.id}`);
  }, 180_000);

  it("sends nothing for a publish whose transaction rolled back", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const slug = await createTestAgreement(database.db, analyst);
    await subscribe(reader, { subject: slug });
    const jobsBefore = await countJobs();
    await expect(
      runWriteTransaction(async (tx) => {
        const agreement = await tx.agreement.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, title: true, timeZone: true } });
        const created = await insertLoggedChange(tx, analyst, { kind: "AGREEMENT", id: agreement.id, slug, name: agreement.title, timeZone: agreement.timeZone }, logInput(`agreement:${slug}`), []);
        await enqueueDevelopment(tx, created.id, "PUBLISHED");
        expect(await countJobs(tx)).toBe(jobsBefore + 1);
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect(await countJobs()).toBe(jobsBefore);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await database.db.delivery.count({ where: { subscription: { userId: reader.id } } })).toBe(0);
    expect(mail.messages.filter((message) => JSON.stringify(message.to).includes(reader.email))).toHaveLength(0);
  });

  it("retries a webhook answering 500 three times, then records one signed success", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const slug = await createTestAgreement(database.db, analyst);
    let secret = "";
    const receiver = await startWebhookReceiver(() => secret, [500, 500, 500]);
    try {
      const subscription = await subscribe(reader, { subject: slug, channel: "WEBHOOK", webhookUrl: receiver.url });
      secret = subscription.webhookSecret!;
      const logged = await logStatusChange(analyst, logInput(`agreement:${slug}`));
      await waitFor(() => receiver.received.some((request) => request.answered === 200), 45_000, "a successful webhook call");
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(receiver.received.map((request) => request.answered)).toEqual([500, 500, 500, 200]);
      expect(receiver.received.every((request) => request.isSigned)).toBe(true);
      expect(new Set(receiver.received.map((request) => request.deliveryId)).size).toBe(1);
      expect(receiver.received[3]!.body).toMatchObject({ kind: "PUBLISHED", development: { id: logged.id, statusAfter: "PROVISIONALLY_EXTENDED" } });
      const [delivery] = await database.db.delivery.findMany({ where: { subscriptionId: subscription.id } });
      expect(delivery).toMatchObject({ state: "SENT", attempts: 4, lastResponse: 200 });
      expect(await database.db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ consecutiveFailures: 0, pausedAt: null });
    } finally {
      await receiver.close();
    }
  }, 90_000);
});

async function countJobs(client: { $queryRawUnsafe: (sql: string) => Promise<unknown> } = database.db): Promise<number> {
  const rows = (await client.$queryRawUnsafe(`SELECT count(*)::int AS "count" FROM pgboss.job WHERE name = 'subscription-fan-out'`)) as { count: number }[];
  return rows[0]!.count;
}
