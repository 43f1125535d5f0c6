import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { GET as conditionsApi } from "../../app/api/v1/conditions/route";
import { GET as agreementFeed } from "../../app/feeds/agreements/[file]/route";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { conditionBreaches, listSubjectConditions } from "../../lib/server/conditions/list-subject-conditions";
import { callRoute } from "../api/call-route";
import { useTestDatabase } from "../support/test-database";

// The 22 November 2019 conditions of the demo data and their later history, as readers get them:
// the pages' reads, the API, the Atom feed (decision 031).

const database = useTestDatabase();

beforeAll(async () => {
  await seedDemoData(database.db);
});

describe("the demo conditions", () => {
  it("give GSOMIA one live condition and the WTO condition breached on 2 June 2020, then lapsed", async () => {
    const conditions = await listSubjectConditions(null, { agreement: "gsomia" });
    expect(conditions.map((condition) => [condition.statement.slice(0, 40), condition.currentState, condition.isLive])).toEqual([
      ["South Korea can end the suspension of it", "WITHDRAWN", false],
      ["South Korea suspends its WTO complaint a", "LAPSED", false],
    ]);
    const wto = conditions[1]!;
    expect(wto.dependsOn).toEqual({ kind: "MEASURE", slug: "japan-export-controls-semiconductor-materials", name: expect.stringContaining("export licensing") });
    expect(wto.states.map((state) => [state.state, state.occurredAt.toISOString()])).toEqual([
      ["HOLDING", "2019-11-21T15:00:00.000Z"],
      ["BREACHED", "2020-06-01T15:00:00.000Z"],
      ["LAPSED", "2023-03-15T15:00:00.000Z"],
    ]);
    expect(conditionBreaches(conditions)).toEqual([expect.objectContaining({ conditionId: wto.id, occurredPrecision: "DAY", timeZone: "Asia/Seoul" })]);
    // Every state is cited.
    expect(conditions.flatMap((condition) => condition.states).every((state) => state.citations.length >= 2)).toBe(true);
    // The measure it depends on lists it too.
    expect((await listSubjectConditions(null, { measure: "japan-export-controls-semiconductor-materials" })).map((condition) => condition.id)).toEqual([wto.id]);
  });

  it("as of an instant, are those that stood then, in the state they stood in", async () => {
    const asOf = (iso: string, axis: "known" | "recorded" = "known") => listSubjectConditions(null, { agreement: "gsomia" }, { instant: new Date(iso), axis });
    const summary = async (iso: string, axis?: "known" | "recorded") =>
      (await asOf(iso, axis)).map((condition) => [condition.statement.slice(0, 40), condition.currentState, condition.states.length]);
    // Noon in Seoul on 22 November 2019: the suspension and its conditions were not yet public.
    expect(await summary("2019-11-22T12:00:00+09:00")).toEqual([]);
    // A year on, both held; in mid-2020 the WTO condition had been breached; in 2024 neither governs.
    expect(await summary("2020-01-01T00:00:00+09:00")).toEqual([
      ["South Korea can end the suspension of it", "HOLDING", 1],
      ["South Korea suspends its WTO complaint a", "HOLDING", 1],
    ]);
    expect(await summary("2020-12-31T00:00:00+09:00")).toEqual([
      ["South Korea can end the suspension of it", "HOLDING", 2],
      ["South Korea suspends its WTO complaint a", "BREACHED", 2],
    ]);
    expect(await summary("2024-01-01T00:00:00+09:00")).toEqual(await summary(new Date().toISOString()));
    // On the record axis they stand only from when Pactwatch recorded them (the seed, just now).
    expect(await summary("2024-01-01T00:00:00+09:00", "recorded")).toEqual([]);
    expect((await asOf(new Date().toISOString(), "recorded")).map((condition) => condition.currentState)).toEqual(["WITHDRAWN", "LAPSED"]);
  });

  it("are in the API, paged by cursor, and in GSOMIA's feed beside their development", async () => {
    const first = await callRoute(conditionsApi, "GET", { query: { agreement: "gsomia", limit: 1 } });
    expect(first.status).toBe(200);
    expect(first.json!.data).toHaveLength(1);
    const second = await callRoute(conditionsApi, "GET", { query: { agreement: "gsomia", limit: 1, cursor: first.json!.nextCursor } });
    expect(second.json!.data[0].states.map((state: { state: string }) => state.state)).toEqual(["HOLDING", "BREACHED", "LAPSED"]);
    expect(second.json!.nextCursor).toBeNull();
    expect((await callRoute(conditionsApi, "GET", { query: { agreement: "gsomia", measure: "x" } })).status).toBe(422);

    // As of an instant, over the API too: the states that stood then, paged the same way.
    const midYear = await callRoute(conditionsApi, "GET", { query: { agreement: "gsomia", asOf: "2020-12-31T00:00+09:00", limit: 1 } });
    expect(midYear.status).toBe(200);
    expect(midYear.json!.asOf).toEqual({ instant: "2020-12-30T15:00:00.000Z", axis: "known" });
    const pages = [midYear.json!.data, (await callRoute(conditionsApi, "GET", { query: { agreement: "gsomia", asOf: "2020-12-31T00:00+09:00", limit: 1, cursor: midYear.json!.nextCursor } })).json!.data];
    expect(pages.flat().map((condition: { states: { state: string }[] }) => condition.states.map((state) => state.state)).sort()).toEqual([["HOLDING", "BREACHED"], ["HOLDING", "HOLDING"]].sort());
    const before = await callRoute(conditionsApi, "GET", { query: { agreement: "gsomia", asOf: "2019-11-22T12:00+09:00" } });
    expect(before.json!.data).toEqual([]);
    expect((await callRoute(conditionsApi, "GET", { query: { agreement: "gsomia" } })).json!.asOf).toBeNull();
    expect((await callRoute(conditionsApi, "GET", { query: { agreement: "gsomia", asOf: "2019-02-30" } })).status).toBe(422);

    const feed = await runAsActor(null, () => agreementFeed(new Request("http://pactwatch.test/feeds/agreements/gsomia.atom"), { params: Promise.resolve({ file: "gsomia.atom" }) }));
    const xml = await feed.text();
    expect(xml).toContain("Conditions:");
    expect(xml).toContain("Breached from 2 June 2020");
  });
});
