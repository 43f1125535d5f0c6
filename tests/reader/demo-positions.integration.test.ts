import { beforeAll, describe, expect, it } from "vitest";
import { GET as positionsApi } from "../../app/api/v1/positions/route";
import { listSubjectPositions } from "../../lib/server/positions/list-positions";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { callRoute } from "../api/call-route";
import { useTestDatabase } from "../support/test-database";

// The parties' 2019 positions of the demo data as readers get them (decision 033).

const database = useTestDatabase();

beforeAll(async () => {
  await seedDemoData(database.db);
});

describe("the demo positions", () => {
  it("set Japan's and South Korea's 2019 positions on GSOMIA side by side, Seoul's August one superseded in November", async () => {
    const { parties } = await listSubjectPositions(null, { agreement: "gsomia" }, ["JPN", "KOR"]);
    const [jpn, kor] = parties;
    expect(jpn!.current.map((position) => position.speaker.split(",")[0])).toEqual(["Taro Kono"]);
    expect(kor!.current.map((position) => position.statedAt.toISOString())).toEqual(["2019-11-21T15:00:00.000Z"]);
    expect(kor!.superseded.map((position) => [position.statedAt.toISOString(), position.supersededById])).toEqual([["2019-08-21T15:00:00.000Z", kor!.current[0]!.id]]);
  });

  it("keep Japanese originals with their translations on the measures, and every position has its source", async () => {
    const { parties } = await listSubjectPositions(null, { measure: "japan-export-controls-semiconductor-materials" }, ["JPN", "KOR"]);
    expect(parties[0]!.current[0]).toMatchObject({ quoteLanguage: "ja", translationLanguage: "en", source: { publisher: "日本経済新聞 (Nikkei)" } });
    expect(parties[1]!.current[0]!.quote).toContain("unfair economic reprisal");
    const listed = await callRoute(positionsApi, "GET", { query: { limit: 50 } });
    expect(listed.json!.data).toHaveLength(7);
    expect(new Set(listed.json!.data.map((position: { party: { code: string } }) => position.party.code))).toEqual(new Set(["JPN", "KOR"]));
  });
});
