import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { GET as agreementsApi } from "../../app/api/v1/agreements/get";
import { GET as measureApi } from "../../app/api/v1/measures/[slug]/get";
import { GET as measuresApi } from "../../app/api/v1/measures/get";
import { GET as partyApi } from "../../app/api/v1/parties/[code]/get";
import { GET as relationApi } from "../../app/api/v1/relations/[pair]/route";
import { GET as changesListApi } from "../../app/api/v1/status-changes/get";
import { GET as relationFeed } from "../../app/feeds/relations/[file]/route";
import { GET as developmentsFeed } from "../../app/feeds/developments.atom/route";
import { GET as developmentsJsonExport } from "../../app/exports/developments.json/route";
import { callRoute } from "../api/call-route";
import { useTestDatabase } from "../support/test-database";

// The API, feeds and exports as of an instant (issue 12 item 2, decisions 029 and 036): the
// measure, relation, party and list reads take asOf/axis, keep them on their links, and answer
// hostile values with a 422 problem, never a 500. The demo day: GSOMIA at 12:00 and 23:00 Seoul time.

const database = useTestDatabase();
const NOON = "2019-11-22T12:00:00+09:00";
const NIGHT = "2019-11-22T23:00:00+09:00";
const HOSTILE = ["2019-02-30", "0000-01-01", "\u0000", "2019-11-22T25:00", "9".repeat(500), "2019-11-22T12:00+09:99", "2019-11-22T12:00:00.000000Z"];

beforeAll(async () => {
  await seedDemoData(database.db);
}, 120_000);

type TStatusOf = { slug: string; current: { status: string } | null };
const gsomiaOf = (items: TStatusOf[]) => items.find((item) => item.slug === "gsomia")?.current?.status;

describe("the reading APIs as of an instant", () => {
  it("the relation JPN-KOR and the party KOR give GSOMIA's status at noon and at 23:00, and keep asOf on their links", async () => {
    const noon = await callRoute(relationApi, "GET", { params: { pair: "JPN-KOR" }, query: { asOf: NOON } });
    const night = await callRoute(relationApi, "GET", { params: { pair: "KOR-JPN" }, query: { asOf: NIGHT, axis: "known" } });
    expect([noon.status, night.status]).toEqual([200, 200]);
    expect(gsomiaOf(noon.json!.data.agreements)).toBe("NOTICE_GIVEN");
    expect(gsomiaOf(night.json!.data.agreements)).toBe("PROVISIONALLY_EXTENDED");
    expect(noon.json!.data.asOf).toEqual({ instant: "2019-11-22T03:00:00.000Z", axis: "known" });
    expect(noon.json!.data.links.history).toContain("asOf=2019-11-22T03%3A00%3A00.000Z");
    const party = await callRoute(partyApi, "GET", { params: { code: "kor" }, query: { asOf: NOON } });
    expect(gsomiaOf(party.json!.data.agreements)).toBe("NOTICE_GIVEN");
    expect(party.json!.data.counterparts[0].relation).toContain("asOf=");
    const present = await callRoute(relationApi, "GET", { params: { pair: "JPN-KOR" } });
    expect(present.json!.data.asOf).toBeNull();
  });

  it("the measure and the lists derive statuses then, filters included", async () => {
    const measure = await callRoute(measureApi, "GET", { params: { slug: "japan-removes-korea-from-white-list" }, query: { asOf: "2019-08-20T12:00+09:00" } });
    expect(measure.json!.data.status.current.status).toBe("ANNOUNCED");
    expect(measure.json!.data.links.page).toContain("asOf=");
    const measures = await callRoute(measuresApi, "GET", { query: { asOf: "2020-01-01", status: "IN_FORCE" } });
    expect(measures.json!.data.map((item: { slug: string }) => item.slug)).toContain("japan-removes-korea-from-white-list");
    expect(measures.json!.asOf.instant).toBe("2020-01-01T23:59:59.999Z");
    const extended = await callRoute(agreementsApi, "GET", { query: { asOf: NIGHT, status: "PROVISIONALLY_EXTENDED" } });
    expect(extended.json!.data.map((item: { slug: string }) => item.slug)).toEqual(["gsomia"]);
    const searched = await callRoute(changesListApi, "GET", { query: { q: "gsomia", asOf: NOON, limit: 100 } });
    expect(searched.json!.data.map((item: { status: string }) => item.status)).not.toContain("PROVISIONALLY_EXTENDED");
  });

  it("answers hostile asOf and axis with 422 problem+json, never a 500", async () => {
    for (const asOf of HOSTILE) {
      const answers = await Promise.all([
        callRoute(relationApi, "GET", { params: { pair: "JPN-KOR" }, query: { asOf } }),
        callRoute(partyApi, "GET", { params: { code: "KOR" }, query: { asOf } }),
        callRoute(measureApi, "GET", { params: { slug: "japan-removes-korea-from-white-list" }, query: { asOf } }),
        callRoute(measuresApi, "GET", { query: { asOf } }),
        callRoute(agreementsApi, "GET", { query: { asOf } }),
        callRoute(developmentsFeed, "GET", { query: { asOf } }),
      ]);
      expect(answers.map((answer) => answer.status), asOf).toEqual([422, 422, 422, 422, 422, 422]);
      expect(answers.every((answer) => answer.headers.get("content-type")?.startsWith("application/problem+json")), asOf).toBe(true);
    }
    expect((await callRoute(relationApi, "GET", { params: { pair: "JPN-KOR" }, query: { axis: "sideways" } })).status).toBe(422);
  });
});

describe("feeds and exports as of an instant", () => {
  it("the relation feed carries only what was known at noon, and its links keep the instant", async () => {
    const noon = await callRoute(relationFeed, "GET", { params: { file: "JPN-KOR.atom" }, query: { asOf: NOON } });
    const now = await callRoute(relationFeed, "GET", { params: { file: "JPN-KOR.atom" } });
    expect(noon.status).toBe(200);
    expect(noon.text).not.toContain("suspend");
    expect(now.text).toContain("2023");
    expect(noon.text).not.toMatch(/<updated>20(2[0-9])/);
    expect(noon.text).toContain("asOf=2019-11-22T03%3A00%3A00.000Z&amp;axis=known");
  });

  it("the JSON export of a history as of noon leaves out what came after", async () => {
    const noon = await callRoute(developmentsJsonExport, "GET", { query: { agreement: "gsomia", asOf: NOON } });
    expect(noon.status).toBe(200);
    const statuses = [...noon.text.matchAll(/"status":"([A-Z_]+)"/g)].map((match) => match[1]);
    expect(statuses).toContain("NOTICE_GIVEN");
    expect(statuses).not.toContain("PROVISIONALLY_EXTENDED");
    expect((await callRoute(developmentsJsonExport, "GET", { query: { agreement: "gsomia", asOf: "2019-02-30" } })).status).toBe(422);
  });
});
