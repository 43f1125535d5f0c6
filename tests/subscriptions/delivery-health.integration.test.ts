import { describe, expect, it } from "vitest";
import { GET as healthRoute } from "../../app/api/v1/deliveries/health/route";
import { callRoute } from "../api/call-route";
import { createTestToken } from "../support/users";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { FAILURES_PAGE, getDeliveryHealth } from "../../lib/server/subscriptions/get-delivery-health";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";

// The admins' delivery-health view (issue 14): counts by state, the oldest delivery waiting,
// recent failures with their last error (keyset-paged), paused subscriptions; only admins see
// it, and it shows no webhook address, signing key or mail text.

const database = useTestDatabase();

describe("delivery health", () => {
  it("counts, finds the oldest waiting, pages failures and lists paused subscriptions, for admins only", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const admin = await createTestUser(database.db, "ADMIN");
    const owner = await createTestUser(database.db, "READER");
    const slug = await createTestAgreement(database.db, analyst);
    const agreement = await database.db.agreement.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const entry = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const subscribe = (channel: "EMAIL" | "WEBHOOK", extra: Record<string, unknown> = {}) =>
      database.db.subscription.create({ data: { userId: owner.id, subjectKind: "AGREEMENT", agreementId: agreement.id, rule: "ANY_DEVELOPMENT", channel, ...(channel === "WEBHOOK" ? { webhookUrl: "https://hooks.example.org/private-path", webhookSecret: "whsec_private" } : {}), ...extra } });
    const mail = await subscribe("EMAIL");
    const hook = await subscribe("WEBHOOK", { pausedAt: new Date("2026-01-02T03:04:05Z"), consecutiveFailures: 5 });
    const deliver = (subscriptionId: string, entryVersion: number, data: Record<string, unknown>) =>
      database.db.delivery.create({ data: { subscriptionId, statusChangeId: entry.id, kind: "PUBLISHED", entryVersion, statusAfter: "PROVISIONALLY_EXTENDED", ...data } });

    await deliver(mail.id, 1, { state: "SENT", sentAt: new Date() });
    const oldest = await deliver(hook.id, 1, { createdAt: new Date("2026-01-01T00:00:00Z"), lastError: "The receiver answered 500.", lastResponse: 500, attempts: 5 });
    for (let version = 2; version < FAILURES_PAGE + 4; version += 1) await deliver(mail.id, version, { state: "FAILED", lastError: `SMTP refused ${version}`, attempts: 3 });

    await expect(getDeliveryHealth(owner)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getDeliveryHealth(analyst)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getDeliveryHealth(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const health = await getDeliveryHealth(admin);
    expect(health.counts).toEqual({ PENDING: 1, SENT: 1, FAILED: FAILURES_PAGE + 2 });
    expect(health.oldestPending).toMatchObject({ id: oldest.id, attempts: 5, subscription: { ownerEmail: owner.email, channel: "WEBHOOK", state: "PAUSED" } });
    expect(health.failures).toHaveLength(FAILURES_PAGE);
    expect(health.failures.map((failure) => failure.updatedAt.getTime())).toEqual([...health.failures.map((failure) => failure.updatedAt.getTime())].sort((a, b) => b - a));
    expect(health.failures[0]!.lastError).toMatch(/^SMTP refused \d+$/);
    expect(health.paused).toEqual([expect.objectContaining({ id: hook.id, ownerEmail: owner.email, channel: "WEBHOOK", state: "PAUSED", consecutiveFailures: 5, pending: 1 })]);
    expect(health.pausedTotal).toBe(1);

    // The rest of the failures on the next page: every failure once, the retrying webhook among them.
    const next = await getDeliveryHealth(admin, { failuresBefore: health.failuresNext! });
    expect(next.failuresNext).toBeNull();
    const seen = [...health.failures, ...next.failures].map((failure) => failure.id);
    expect(new Set(seen).size).toBe(FAILURES_PAGE + 3);
    expect([...health.failures, ...next.failures].find((failure) => failure.id === oldest.id)).toMatchObject({ state: "PENDING", lastResponse: 500 });

    const shown = JSON.stringify([health, next]);
    expect(shown).not.toContain("private-path");
    expect(shown).not.toContain("whsec_private");

    // The same over GET /api/v1/deliveries/health (decision 039): admins only, failures paged by ?before.
    for (const refused of [owner, analyst]) expect((await callRoute(healthRoute, "GET", { token: await createTestToken(database.db, refused.id) })).status).toBe(403);
    expect((await callRoute(healthRoute, "GET")).status).toBe(401);
    const adminToken = await createTestToken(database.db, admin.id);
    const first = await callRoute(healthRoute, "GET", { token: adminToken });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ counts: { PENDING: 1, SENT: 1, FAILED: FAILURES_PAGE + 2 }, oldestPending: { id: oldest.id }, failuresNext: health.failuresNext, pausedTotal: 1 });
    expect(first.json!.failures).toHaveLength(FAILURES_PAGE);
    const second = await callRoute(healthRoute, "GET", { token: adminToken, query: { before: first.json!.failuresNext } });
    expect(second.json!.failuresNext).toBeNull();
    expect(new Set([...first.json!.failures, ...second.json!.failures].map((failure: { id: string }) => failure.id)).size).toBe(FAILURES_PAGE + 3);
    expect(first.text).not.toContain("private-path");
    expect((await callRoute(healthRoute, "GET", { token: adminToken, query: { before: "not-an-id" } })).status).toBe(422);
  });
});
