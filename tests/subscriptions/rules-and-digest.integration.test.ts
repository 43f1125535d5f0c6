import { beforeAll, describe, expect, it } from "vitest";
import { ZUpdateAgreement } from "../../lib/schemas/agreement";
import { ZAddCondition, ZRecordConditionState } from "../../lib/schemas/condition";
import { ZCreateSubscription } from "../../lib/schemas/subscription";
import { getAgreementForEdit } from "../../lib/server/agreements/get-agreement-for-edit";
import { updateAgreement } from "../../lib/server/agreements/update-agreement";
import { addCondition } from "../../lib/server/conditions/add-condition";
import { recordConditionState } from "../../lib/server/conditions/record-condition-state";
import type { TSignedInActor } from "../../lib/server/permissions";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { createSubscription } from "../../lib/server/subscriptions/create-subscription";
import { deliverDelivery } from "../../lib/server/subscriptions/deliver-delivery";
import { deliverDigest } from "../../lib/server/subscriptions/deliver-digest";
import { fanOutBreach } from "../../lib/server/subscriptions/fan-out-breach";
import { fanOutDevelopment } from "../../lib/server/subscriptions/fan-out-development";
import { listOutbox } from "../../lib/server/subscriptions/list-outbox";
import { planDeadlineReminders } from "../../lib/server/subscriptions/plan-deadline-reminders";
import { remindDeadline } from "../../lib/server/subscriptions/remind-deadline";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useOutboxEnv } from "../support/outbox-env";
import { useTestDatabase } from "../support/test-database";

// Deadline reminders, breached conditions and daily digests (decision 035), with the clock
// injected: the jobs are run here in turn, at the instants the queue would start them, and the
// queue's rows are read to see what was planned. No SMTP: mail lands in the outbox.

const database = useTestDatabase();
useOutboxEnv("rules");
let analyst: TSignedInActor;
beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST");
});

const subscribe = (actor: TSignedInActor, fields: Record<string, unknown>) =>
  createSubscription(actor, ZCreateSubscription.parse({ subjectKind: "AGREEMENT", channel: "EMAIL", ...fields }));

type TJobRow = { data: Record<string, string | null>; startAfter: Date; state: string };
async function jobs(queue: string, key: string, value: string): Promise<TJobRow[]> {
  return (await database.db.$queryRawUnsafe(
    `SELECT data, start_after AS "startAfter", state::text AS state FROM pgboss.job WHERE name = $1 AND data->>$2 = $3 ORDER BY start_after`,
    queue,
    key,
    value,
  )) as TJobRow[];
}

async function sendPending(subscriptionId: string) {
  const pending = await database.db.delivery.findMany({ where: { subscriptionId, state: "PENDING" }, select: { id: true } });
  for (const delivery of pending) await deliverDelivery(delivery.id, { isLastAttempt: false });
}

/** A GSOMIA-like agreement (in force 23 November 2016, yearly terms, 90 days' notice, Asia/Seoul), in force. */
async function renewingAgreement(): Promise<string> {
  const slug = await createTestAgreement(database.db, analyst, { shortName: `PACT-${Math.random().toString(36).slice(2, 6)}` });
  await logStatusChange(analyst, logInput(`agreement:${slug}`, { status: "IN_FORCE", headline: "In force", direction: "NEUTRAL", occurredOn: "2016-11-23" }));
  return slug;
}

describe("deadline reminders", () => {
  it("are planned N days before the notice deadline and delivered once at that time", async () => {
    const reader = await createTestUser(database.db, "READER");
    const slug = await renewingAgreement();
    const subscription = await subscribe(reader, { subject: slug, rule: "DEADLINE_APPROACHING", ruleDays: "30" });
    // Creating it enqueued its planning, in its transaction.
    expect(await jobs("subscription-deadline-plan", "subscriptionId", subscription.id)).toHaveLength(1);

    const planned = await planDeadlineReminders({ subscriptionId: subscription.id }, new Date("2019-07-01T00:00:00Z"));
    // 25 August 2019 00:00 in Seoul (notice must arrive before it), and next year's; 30 days earlier each.
    expect(planned.map((reminder) => [reminder.deadlineAt, reminder.remindAt.toISOString()])).toEqual([
      ["2019-08-24T15:00:00.000Z", "2019-07-25T15:00:00.000Z"],
      ["2020-08-24T15:00:00.000Z", "2020-07-25T15:00:00.000Z"],
    ]);
    const queued = await jobs("subscription-deadline-reminder", "subscriptionId", subscription.id);
    expect(queued.map((job) => job.startAfter.toISOString())).toEqual(["2019-07-25T15:00:00.000Z", "2020-07-25T15:00:00.000Z"]);
    // Planning again adds no second job for a (subscription, deadline) already waiting.
    await planDeadlineReminders({ subscriptionId: subscription.id }, new Date("2019-07-02T00:00:00Z"));
    expect(await jobs("subscription-deadline-reminder", "subscriptionId", subscription.id)).toHaveLength(2);

    const job = queued[0]!.data as { subscriptionId: string; deadlineAt: string; statusChangeId: string | null };
    expect(await remindDeadline(job, new Date("2019-07-20T00:00:00Z"))).toBe("early");
    expect(await remindDeadline(job, new Date("2019-07-25T15:00:00Z"))).toBe("delivered");
    expect(await remindDeadline(job, new Date("2019-07-25T15:00:05Z"))).toBe("already-told");
    await sendPending(subscription.id);
    await sendPending(subscription.id);
    const deliveries = await database.db.delivery.findMany({ where: { subscriptionId: subscription.id } });
    expect(deliveries.map((delivery) => [delivery.kind, delivery.deadlineAt?.toISOString(), delivery.state])).toEqual([["DEADLINE_APPROACHING", "2019-08-24T15:00:00.000Z", "SENT"]]);
    const { messages } = await listOutbox(reader);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toContain("notice deadline 25 August 2019");
    expect(messages[0]!.textBody).toContain("Status now: In force");
    expect(messages[0]!.textBody).toContain(`http://pactwatch.test/agreements/${slug}`);
  });

  it("are planned again when the agreement's terms change, and the old reminder tells nothing", async () => {
    const reader = await createTestUser(database.db, "READER");
    const slug = await renewingAgreement();
    const subscription = await subscribe(reader, { subject: slug, rule: "DEADLINE_APPROACHING", ruleDays: "30" });
    const july = new Date("2019-07-01T00:00:00Z");
    const [old] = await planDeadlineReminders({ subscriptionId: subscription.id }, july);
    expect(old!.deadlineAt).toBe("2019-08-24T15:00:00.000Z");

    const agreement = await database.db.agreement.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const form = await getAgreementForEdit(analyst, slug);
    await updateAgreement(analyst, slug, ZUpdateAgreement.parse({ ...form.values, noticeDays: "60", version: String(form.version) }));
    // The terms' edit enqueued the planning in its own transaction.
    expect(await jobs("subscription-deadline-plan", "agreementId", agreement.id)).toHaveLength(1);
    const replanned = await planDeadlineReminders({ agreementId: agreement.id }, july);
    // 60 days before 23 November: 24 September 2019 00:00 in Seoul.
    expect(replanned[0]).toMatchObject({ subscriptionId: subscription.id, deadlineAt: "2019-09-23T15:00:00.000Z" });
    expect(replanned[0]!.remindAt.toISOString()).toBe("2019-08-24T15:00:00.000Z");

    expect(await remindDeadline(old!, new Date("2019-07-25T15:00:00Z"))).toBe("stale");
    expect(await remindDeadline(replanned[0]!, new Date("2019-08-24T15:00:00Z"))).toBe("delivered");
    await sendPending(subscription.id);
    const deliveries = await database.db.delivery.findMany({ where: { subscriptionId: subscription.id } });
    expect(deliveries.map((delivery) => delivery.deadlineAt?.toISOString())).toEqual(["2019-09-23T15:00:00.000Z"]);
    expect((await listOutbox(reader)).messages).toHaveLength(1);
  });

  it("remind of a development's scheduled effectiveAt", async () => {
    const reader = await createTestUser(database.db, "READER");
    const slug = await renewingAgreement();
    const subscription = await subscribe(reader, { subject: slug, rule: "DEADLINE_APPROACHING", ruleDays: "7" });
    const scheduled = await logStatusChange(analyst, logInput(`agreement:${slug}`, { status: "TERMINATED", headline: "Notice of termination", occurredOn: "2019-08-22", effectiveAt: "2019-11-23T00:00", effectiveTimeZone: "Asia/Seoul", direction: "ESCALATION" }));
    const planned = await planDeadlineReminders({ subscriptionId: subscription.id }, new Date("2019-09-01T00:00:00Z"));
    const reminder = planned.find((candidate) => candidate.statusChangeId === scheduled.id)!;
    expect(reminder.deadlineAt).toBe("2019-11-22T15:00:00.000Z");
    expect(reminder.remindAt.toISOString()).toBe("2019-11-15T15:00:00.000Z");
    expect(await remindDeadline(reminder, reminder.remindAt)).toBe("delivered");
    await sendPending(subscription.id);
    const [message] = (await listOutbox(reader)).messages;
    expect(message!.textBody).toContain("Notice of termination: takes effect 23 November 2019");
    expect(message!.textBody).toContain(`/developments/${scheduled.id}`);
  });
});

describe("a breached condition", () => {
  it("is delivered once, enqueued by the state that entered BREACHED", async () => {
    const reader = await createTestUser(database.db, "READER");
    const slug = await renewingAgreement();
    const subscription = await subscribe(reader, { subject: slug, rule: "CONDITION_BREACHED" });
    const development = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const citations = [{ url: "https://m-en.yna.co.kr/view/AEN20191122008800315", title: "S. Korea conditionally suspends GSOMIA expiry", publisher: "Yonhap", credibility: "1" }];
    const condition = await addCondition(analyst, ZAddCondition.parse({ statusChangeId: development.id, statement: "Talks on export controls continue", dependsOn: "", state: "HOLDING", occurredOn: "2019-11-22", timeZone: "Asia/Seoul", citations }));
    const breachJobs = () => database.db.$queryRawUnsafe(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'subscription-breach-fan-out'`) as Promise<{ n: number }[]>;
    const before = (await breachJobs())[0]!.n;
    await recordConditionState(analyst, ZRecordConditionState.parse({ conditionId: condition.id, version: "1", state: "BREACHED", note: "Talks stopped.", occurredOn: "2020-06-02", timeZone: "Asia/Seoul", citations }));
    expect((await breachJobs())[0]!.n).toBe(before + 1);
    // A second breached state in a row is no new breach.
    await recordConditionState(analyst, ZRecordConditionState.parse({ conditionId: condition.id, version: "2", state: "BREACHED", note: "Still stopped.", occurredOn: "2020-06-03", timeZone: "Asia/Seoul", citations }));
    expect((await breachJobs())[0]!.n).toBe(before + 1);

    const state = await database.db.conditionStateChange.findFirstOrThrow({ where: { conditionId: condition.id, state: "BREACHED" }, orderBy: { occurredAt: "asc" } });
    expect(await fanOutBreach({ conditionStateId: state.id })).toEqual({ deliveries: 1 });
    expect(await fanOutBreach({ conditionStateId: state.id })).toEqual({ deliveries: 0 });
    await sendPending(subscription.id);
    await sendPending(subscription.id);
    const { messages } = await listOutbox(reader);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toContain("Condition breached");
    expect(messages[0]!.textBody).toContain("Talks on export controls continue");
    expect(messages[0]!.textBody).toContain("Yonhap");
  });
});

describe("a daily digest", () => {
  it("lists two developments in one mail at the chosen local hour, sent once", async () => {
    const reader = await createTestUser(database.db, "READER");
    const slug = await renewingAgreement();
    const subscription = await subscribe(reader, { subject: slug, rule: "ANY_DEVELOPMENT", timing: "DAILY_DIGEST", digestHour: "8", digestTimeZone: "Asia/Seoul" });
    expect(subscription).toMatchObject({ timing: "DAILY_DIGEST", digestHour: 8, digestTimeZone: "Asia/Seoul" });
    const first = await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "First of the day" }));
    const second = await logStatusChange(analyst, logInput(`agreement:${slug}`, { status: "IN_FORCE", headline: "Second of the day", occurredOn: "2019-11-23" }));
    const evening = new Date("2019-11-22T10:00:00Z");
    for (const entry of [first, second]) await fanOutDevelopment({ statusChangeId: entry.id, kind: "PUBLISHED", entryVersion: 1, statusBefore: null }, evening);

    const digests = await database.db.digest.findMany({ where: { subscriptionId: subscription.id } });
    expect(digests.map((digest) => [digest.localDay.toISOString().slice(0, 10), digest.scheduledAt.toISOString()])).toEqual([["2019-11-23", "2019-11-22T23:00:00.000Z"]]);
    const digestId = digests[0]!.id;
    expect((await jobs("subscription-digest", "digestId", digestId)).map((job) => job.startAfter.toISOString())).toEqual(["2019-11-22T23:00:00.000Z"]);
    // The deliveries wait for the digest: the delivery job leaves them alone.
    await sendPending(subscription.id);
    expect(await database.db.delivery.count({ where: { subscriptionId: subscription.id, state: "PENDING", digestId } })).toBe(2);

    expect(await deliverDigest(digestId, new Date("2019-11-22T22:59:00Z"))).toBe("not-yet");
    expect(await deliverDigest(digestId, new Date("2019-11-22T23:00:00Z"))).toBe("sent");
    expect(await deliverDigest(digestId, new Date("2019-11-22T23:00:30Z"))).toBe("already-sent");
    const { messages } = await listOutbox(reader);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe(`Pactwatch daily digest for 2019-11-23: ${subscription.agreement!.shortName} (2 items)`);
    expect(messages[0]!.textBody).toContain("First of the day");
    expect(messages[0]!.textBody).toContain("Second of the day");
    expect(await database.db.delivery.count({ where: { subscriptionId: subscription.id, state: "SENT", digestId } })).toBe(2);

    // A development fanned out after the digest was made waits for the next day's.
    const third = await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "Third", occurredOn: "2019-11-24" }));
    await fanOutDevelopment({ statusChangeId: third.id, kind: "PUBLISHED", entryVersion: 1, statusBefore: null }, new Date("2019-11-22T23:00:10Z"));
    const later = await database.db.delivery.findFirstOrThrow({ where: { statusChangeId: third.id, subscriptionId: subscription.id }, select: { digest: { select: { localDay: true } } } });
    expect(later.digest!.localDay.toISOString().slice(0, 10)).toBe("2019-11-24");
  });

  it("is for email only: a webhook or a feed is told at once", () => {
    const parsed = ZCreateSubscription.safeParse({ subjectKind: "AGREEMENT", subject: "gsomia", rule: "ANY_DEVELOPMENT", channel: "FEED", timing: "DAILY_DIGEST", digestHour: "8", digestTimeZone: "Asia/Seoul" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join("."))).toEqual(["timing"]);
  });
});
