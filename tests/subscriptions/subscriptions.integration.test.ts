import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as oneClick } from "../../app/unsubscribe/[id]/one-click/route";
import { GET as subscriptionFeed } from "../../app/feeds/subscriptions/[file]/route";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/subscriptions/route";
import { ZCreateSubscription } from "../../lib/schemas/subscription";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { createSubscription } from "../../lib/server/subscriptions/create-subscription";
import { deliverDelivery } from "../../lib/server/subscriptions/deliver-delivery";
import { endSubscription } from "../../lib/server/subscriptions/end-subscription";
import { fanOutDevelopment } from "../../lib/server/subscriptions/fan-out-development";
import { listOutbox } from "../../lib/server/subscriptions/list-outbox";
import { listSubscriptions } from "../../lib/server/subscriptions/list-subscriptions";
import { unsubscribeToken } from "../../lib/server/subscriptions/unsubscribe-token";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { callRoute } from "../api/call-route";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { createTestToken } from "../support/users";
import { useOutboxEnv } from "../support/outbox-env";
import { useTestDatabase } from "../support/test-database";

// Subscriptions as their owner and a signed-out visitor meet them: each account sees and ends
// only its own; the unsubscribe link works signed out and only for its subscription; with no
// SMTP the mail is in the outbox (and an .eml file); a personal feed answers until revoked.
// The jobs are run here in turn (fan-out, then delivery), without a worker.

const database = useTestDatabase();
const { dataDir } = useOutboxEnv("outbox");

const subscribe = (actor: Parameters<typeof createSubscription>[0], fields: Record<string, unknown>) =>
  createSubscription(actor, ZCreateSubscription.parse({ subjectKind: "AGREEMENT", rule: "ANY_DEVELOPMENT", channel: "EMAIL", ...fields }));

async function runJobs(statusChangeId: string) {
  await fanOutDevelopment({ statusChangeId, kind: "PUBLISHED", entryVersion: 1, statusBefore: null });
  const pending = await database.db.delivery.findMany({ where: { statusChangeId, state: "PENDING" }, select: { id: true } });
  for (const delivery of pending) await deliverDelivery(delivery.id, { isLastAttempt: false });
}

const post = (id: string, token: string, extra = "") =>
  runAsActor(null, () => oneClick(new Request(`http://pactwatch.test/unsubscribe/${id}/one-click?token=${encodeURIComponent(token)}${extra}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }), { params: Promise.resolve({ id }) }));

describe("subscriptions", () => {
  it("belong to their owner alone, over the use cases and the API", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const [owner, other] = [await createTestUser(database.db, "READER"), await createTestUser(database.db, "READER")];
    const slug = await createTestAgreement(database.db, analyst);
    const mine = await subscribe(owner, { subject: slug, rule: "LEAVES_STATUS", ruleStatus: "PROVISIONALLY_EXTENDED" });
    expect((await listSubscriptions(other)).map((row) => row.id)).not.toContain(mine.id);
    await expect(endSubscription(other, { id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(subscribe(owner, { subject: "no-such-pact" })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { subject: [expect.stringContaining("No agreement")] } });
    await expect(subscribe(owner, { subject: slug, channel: "WEBHOOK", webhookUrl: "ftp://example.org/hook" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await database.db.auditEvent.count({ where: { action: "subscription:create", entityId: mine.id, actorId: owner.id } })).toBe(1);

    const token = await createTestToken(database.db, other.id);
    const created = await callRoute(createRoute, "POST", { token, body: { subjectKind: "RELATION", subject: "JPN-KOR", rule: "ESCALATION", channel: "EMAIL" } });
    expect(created.status).toBe(201);
    const listed = await callRoute(listRoute, "GET", { token });
    expect(listed.json!.data.map((row: { id: string }) => row.id)).toEqual([created.json!.id]);
  });

  it("keeps mail in the outbox and an .eml file without SMTP, and the unsubscribe link ends that subscription only, signed out", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const slug = await createTestAgreement(database.db, analyst);
    const first = await subscribe(reader, { subject: slug });
    const second = await subscribe(reader, { subject: slug, rule: "ESCALATION" });
    const logged = await logStatusChange(analyst, logInput(`agreement:${slug}`, { direction: "ESCALATION" }));
    await runJobs(logged.id);
    const outbox = await listOutbox(reader);
    expect(outbox.messages).toHaveLength(2);
    expect(outbox.messages[0]).toMatchObject({ transport: "OUTBOX", toAddress: reader.email });
    expect(outbox.messages[0]!.textBody).toContain("Status after: Provisionally extended");
    expect((await listOutbox(analyst)).messages).toHaveLength(0);
    // (The first test's JPN-KOR escalation subscriber is told too, in a file of its own.)
    const files = fs.readdirSync(path.join(dataDir, "outbox")).filter((file) => fs.readFileSync(path.join(dataDir, "outbox", file), "utf8").includes(`To: ${reader.email}`));
    expect(files.filter((file) => file.endsWith(".eml"))).toHaveLength(2);
    const eml = fs.readFileSync(path.join(dataDir, "outbox", files[0]!), "utf8");
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    // Delivering again (a retried job) sends nothing more.
    await runJobs(logged.id);
    expect((await listOutbox(reader)).messages).toHaveLength(2);

    // Another subscription's token does not end this one; a made-up one neither.
    expect((await post(first.id, unsubscribeToken(process.env.AUTH_SECRET!, second.id))).status).toBe(404);
    expect((await post(first.id, "x".repeat(43))).status).toBe(404);
    const ended = await post(first.id, unsubscribeToken(process.env.AUTH_SECRET!, first.id));
    expect(ended.status).toBe(200);
    const rows = await database.db.subscription.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { createdAt: "asc" }, select: { id: true, endedAt: true } });
    expect(rows.map((row) => [row.id, row.endedAt !== null])).toEqual([[first.id, true], [second.id, false]]);
    expect(await database.db.auditEvent.count({ where: { action: "subscription:unsubscribe", entityId: first.id, actorId: null } })).toBe(1);
    // Clicking again answers the same; the page's form is sent back to the page.
    expect((await post(first.id, unsubscribeToken(process.env.AUTH_SECRET!, first.id))).status).toBe(200);
    const fromPage = await post(second.id, unsubscribeToken(process.env.AUTH_SECRET!, second.id), "&from=page");
    expect(fromPage.status).toBe(303);
    expect(fromPage.headers.get("location")).toBe(`http://pactwatch.test/unsubscribe/${second.id}?done=1`);
    // Nothing more for an ended subscription.
    const later = await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "Later", direction: "ESCALATION" }));
    await runJobs(later.id);
    expect((await listOutbox(reader)).messages).toHaveLength(2);
  });

  it("answers a personal feed at its secret address until it is revoked", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const slug = await createTestAgreement(database.db, analyst);
    const feed = await subscribe(reader, { subject: slug, channel: "FEED" });
    const logged = await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "Feed headline <b>" }));
    await runJobs(logged.id);
    const read = () => runAsActor(null, () => subscriptionFeed(new Request("http://pactwatch.test/feeds/x"), { params: Promise.resolve({ file: `${feed.feedSecret}.atom` }) }));
    const answer = await read();
    expect(answer.status).toBe(200);
    const xml = await answer.text();
    expect(xml).toContain("New: Feed headline &lt;b&gt;");
    expect(xml).toContain(`/developments/${logged.id}`);
    await endSubscription(reader, { id: feed.id });
    expect((await read()).status).toBe(404);
  });
});
