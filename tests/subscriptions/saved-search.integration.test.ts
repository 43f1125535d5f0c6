import { beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "../../app/api/v1/subscriptions/route";
import { ZSavedDevelopmentSearch } from "../../lib/schemas/reader-queries";
import { ZCreateSubscription } from "../../lib/schemas/subscription";
import type { TSignedInActor } from "../../lib/server/permissions";
import { listPublishedChanges } from "../../lib/server/status-changes/list-published-changes";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { matchSavedSearches } from "../../lib/server/status-changes/match-saved-searches";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { createSubscription } from "../../lib/server/subscriptions/create-subscription";
import { deliverDelivery } from "../../lib/server/subscriptions/deliver-delivery";
import { fanOutDevelopment } from "../../lib/server/subscriptions/fan-out-development";
import { listOutbox } from "../../lib/server/subscriptions/list-outbox";
import { runWriteTransaction } from "../../lib/server/write-transaction";
import { callRoute } from "../api/call-route";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { createTestToken } from "../support/users";
import { useOutboxEnv } from "../support/outbox-env";
import { useTestDatabase } from "../support/test-database";

// Saved developments searches (decision 039): the form's and the API's input, the match asked of
// one development agreeing with the list's own results, and a publish told once to a search
// that includes it and never to one that does not. The jobs are run here in turn, without a worker.

const database = useTestDatabase();
useOutboxEnv("search");
let analyst: TSignedInActor;
beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST");
});

const subscribeToSearch = (actor: TSignedInActor, fields: Record<string, unknown>) =>
  createSubscription(actor, ZCreateSubscription.parse({ subjectKind: "SEARCH", rule: "ANY_DEVELOPMENT", channel: "EMAIL", includeCorrections: "on", ...fields }));

async function publishAndFanOut(statusChangeId: string, kind: "PUBLISHED" | "CORRECTED" | "RETRACTED" = "PUBLISHED", entryVersion = 1) {
  const { deliveries } = await fanOutDevelopment({ statusChangeId, kind, entryVersion, statusBefore: null });
  const pending = await database.db.delivery.findMany({ where: { statusChangeId, state: "PENDING" }, select: { id: true } });
  for (const delivery of pending) await deliverDelivery(delivery.id, { isLastAttempt: false });
  return deliveries;
}

describe("a saved search's input", () => {
  it("takes the list's query string or its filters, and refuses rules a search cannot follow with a clear message", () => {
    const fromForm = ZCreateSubscription.parse({ subjectKind: "SEARCH", filters: "/developments?q=tariffs&direction=ESCALATION&party=jpn", rule: "ESCALATION", channel: "EMAIL" });
    expect(fromForm.filters).toMatchObject({ q: "tariffs", direction: ["ESCALATION"], party: "JPN" });
    expect(ZCreateSubscription.parse({ subjectKind: "SEARCH", filters: "tariffs", rule: "ANY_DEVELOPMENT", channel: "FEED" }).filters).toMatchObject({ q: "tariffs" });
    for (const rule of ["ENTERS_STATUS", "LEAVES_STATUS", "DEADLINE_APPROACHING", "CONDITION_BREACHED"]) {
      const refused = ZCreateSubscription.safeParse({ subjectKind: "SEARCH", filters: { q: "tariffs" }, rule, ruleStatus: "SUSPENDED", ruleDays: "30", channel: "EMAIL" });
      expect(refused.success).toBe(false);
      expect(refused.error!.issues.find((issue) => issue.path[0] === "rule")?.message).toContain("A saved search tells of any matching development or of escalations only");
    }
    expect(ZCreateSubscription.safeParse({ subjectKind: "SEARCH", rule: "ANY_DEVELOPMENT", channel: "EMAIL" }).error!.issues[0]).toMatchObject({ path: ["filters"] });
    expect(ZCreateSubscription.safeParse({ subjectKind: "SEARCH", filters: { status: "NOT_A_STATUS" }, rule: "ANY_DEVELOPMENT", channel: "EMAIL" }).success).toBe(false);
    // Other subjects still need their subject.
    expect(ZCreateSubscription.safeParse({ subjectKind: "AGREEMENT", rule: "ANY_DEVELOPMENT", channel: "EMAIL" }).error!.issues[0]).toMatchObject({ path: ["subject"] });
  });

  it("refuses a party code that names no party, and stores the filters in the list's encoding with their words", async () => {
    const reader = await createTestUser(database.db, "READER");
    await createTestAgreement(database.db, analyst);
    await expect(subscribeToSearch(reader, { filters: { party: "ZZZ" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { filters: [expect.stringContaining("ZZZ")] } });
    const created = await subscribeToSearch(reader, { filters: "q=tariffs&direction=ESCALATION&party=JPN" });
    expect(created.searchFilters).toEqual({ q: "tariffs", party: "JPN", direction: "ESCALATION" });
    expect(created.searchLabel).toBe("developments matching “tariffs”, escalations, Japan");
    expect(await database.db.auditEvent.count({ where: { action: "subscription:create", entityId: created.id, actorId: reader.id } })).toBe(1);
  });
});

describe("matching a development against a saved search", () => {
  it("agrees with the developments list's results on several filter sets", async () => {
    const pact = await createTestAgreement(database.db, analyst);
    const other = await createTestAgreement(database.db, analyst, { partyCodes: ["USA", "KOR"] });
    const logged = [
      await logStatusChange(analyst, logInput(`agreement:${pact}`, { status: "IN_FORCE", headline: "Tariffs raised on steel", direction: "ESCALATION", occurredOn: "2019-07-01" })),
      await logStatusChange(analyst, logInput(`agreement:${pact}`, { status: "SUSPENDED", headline: "Pact suspended", direction: "ESCALATION", occurredOn: "2019-08-22" })),
      await logStatusChange(analyst, logInput(`agreement:${pact}`, { status: "PROVISIONALLY_EXTENDED", headline: "Extended provisionally", direction: "DE_ESCALATION", occurredOn: "2019-11-22" })),
      await logStatusChange(analyst, logInput(`agreement:${other}`, { status: "IN_FORCE", headline: "Tariffs on chips", direction: "ESCALATION", occurredOn: "2020-03-01" })),
      await logStatusChange(analyst, logInput(`agreement:${other}`, { status: "TERMINATED", headline: "Ended quietly", direction: "NEUTRAL", occurredOn: "2021-05-01" })),
      await logStatusChange(analyst, logInput(`agreement:${other}`, { status: "IN_FORCE", headline: "Draft on tariffs", direction: "ESCALATION", occurredOn: "2021-06-01", intent: "draft" })),
    ];
    const searches = [
      {},
      { q: "tariffs" },
      { direction: "ESCALATION" },
      { party: "USA" },
      { pair: "KOR-JPN", status: "SUSPENDED,PROVISIONALLY_EXTENDED" },
      { q: "tariffs", direction: "ESCALATION", party: "JPN" },
      { from: "2019-08", to: "2020" },
      { order: "occurred", from: "2021" },
      { corroboration: "SINGLE_SOURCE" },
      { corroboration: "WELL_CORROBORATED" },
      { agreement: other, direction: "NEUTRAL" },
      { measure: "no-such-measure" },
    ];
    for (const input of searches) {
      const search = ZSavedDevelopmentSearch.parse(input);
      const listed = new Set((await listPublishedChanges(null, search, { limit: 100 })).entries.map((entry) => entry.id));
      for (const entry of logged) {
        const matched = await runWriteTransaction((tx) => matchSavedSearches(tx, entry.id, [{ id: "s", search }]));
        expect({ input, entry: entry.id, matches: matched.has("s") }).toEqual({ input, entry: entry.id, matches: listed.has(entry.id) });
      }
    }
    // The sets above are not vacuous: some match, some do not.
    expect((await listPublishedChanges(null, ZSavedDevelopmentSearch.parse({ q: "tariffs", party: "JPN" }), { limit: 100 })).entries).toHaveLength(1);
  });
});

describe("a search subscription", () => {
  it("is told once of a publish its search includes, never of one it does not, and of the retraction of what it was told", async () => {
    const reader = await createTestUser(database.db, "READER");
    const pact = await createTestAgreement(database.db, analyst);
    const search = await subscribeToSearch(reader, { filters: "q=tariffs&direction=ESCALATION&party=JPN" });
    const escalationsOnly = await subscribeToSearch(reader, { filters: "party=JPN", rule: "ESCALATION", includeCorrections: "" });

    const matching = await logStatusChange(analyst, logInput(`agreement:${pact}`, { status: "SUSPENDED", headline: "Tariffs imposed on Korean steel", direction: "ESCALATION", occurredOn: "2024-02-01" }));
    await publishAndFanOut(matching.id);
    // A second run of the same job (a worker died before completing it) adds nothing.
    expect(await publishAndFanOut(matching.id)).toBe(0);
    expect(await database.db.delivery.count({ where: { subscriptionId: search.id, state: "SENT" } })).toBe(1);
    expect(await database.db.delivery.count({ where: { subscriptionId: escalationsOnly.id, state: "SENT" } })).toBe(1);

    const notMatching = await logStatusChange(analyst, logInput(`agreement:${pact}`, { status: "IN_FORCE", headline: "Talks resume", direction: "DE_ESCALATION", occurredOn: "2024-03-01" }));
    await publishAndFanOut(notMatching.id);
    expect(await database.db.delivery.count({ where: { statusChangeId: notMatching.id } })).toBe(0);

    const outbox = await listOutbox(reader);
    const bodies = outbox.messages.filter((message) => message.textBody.includes("Tariffs imposed")).map((message) => message.textBody);
    expect(bodies).toHaveLength(2);
    expect(bodies.filter((body) => body.includes("You follow developments matching “tariffs”, escalations, Japan."))).toHaveLength(1);
    expect(bodies.filter((body) => body.includes("You follow developments matching Japan."))).toHaveLength(1);

    const admin = await createTestUser(database.db, "ADMIN");
    const retracted = await retractStatusChange(admin, { id: matching.id, version: matching.version, reason: "Misreported" });
    await publishAndFanOut(matching.id, "RETRACTED", retracted.version);
    expect(await database.db.delivery.findMany({ where: { statusChangeId: matching.id, kind: "RETRACTED", subscriptionId: { in: [search.id, escalationsOnly.id] } }, select: { subscriptionId: true } })).toEqual([{ subscriptionId: search.id }]);
    expect(await database.db.auditEvent.count({ where: { action: "delivery:create", entityId: { in: (await database.db.delivery.findMany({ where: { subscriptionId: search.id }, select: { id: true } })).map((row) => row.id) } } })).toBe(2);
  });

  it("is created over the API with its filters, and a rule a search cannot follow is a 422 naming it", async () => {
    const reader = await createTestUser(database.db, "READER");
    await createTestAgreement(database.db, analyst);
    const token = await createTestToken(database.db, reader.id);
    const created = await callRoute(createRoute, "POST", { token, body: { subjectKind: "SEARCH", filters: { q: "tariffs", direction: ["ESCALATION"], party: "JPN" }, rule: "ANY_DEVELOPMENT", channel: "EMAIL" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ subjectKind: "SEARCH", searchFilters: { q: "tariffs", party: "JPN", direction: "ESCALATION" }, searchLabel: "developments matching “tariffs”, escalations, Japan" });
    const refused = await callRoute(createRoute, "POST", { token, body: { subjectKind: "SEARCH", filters: { q: "tariffs" }, rule: "LEAVES_STATUS", ruleStatus: "SUSPENDED", channel: "EMAIL" } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json)).toContain("A saved search tells of any matching development");
  });
});
