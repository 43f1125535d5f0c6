import { describe, expect, it } from "vitest";
import { ZAgreementListQuery, ZDevelopmentQuery, ZPartyListQuery, paramsToObject } from "./reader-queries";
import { toSearchParams } from "./to-search-params";

describe("toSearchParams", () => {
  it("writes nothing for a query equal to the schema's defaults", () => {
    expect(toSearchParams(ZDevelopmentQuery, ZDevelopmentQuery.parse({})).toString()).toBe("");
    expect(toSearchParams(ZPartyListQuery, ZPartyListQuery.parse({ scope: "involved", sort: "name", limit: "50" })).toString()).toBe("");
  });

  it("keeps every value that differs from a default, lists as repeated names and a pair joined", () => {
    const query = ZDevelopmentQuery.parse({ q: "gsomia", pair: "kor-jpn", status: "SIGNED,TERMINATED", state: "published", order: "effective", limit: "50", from: "2019" });
    expect(toSearchParams(ZDevelopmentQuery, query).toString()).toBe("q=gsomia&pair=KOR-JPN&status=SIGNED&status=TERMINATED&from=2019&state=published&limit=50");
  });

  it("drops omitted fields and the derived date range", () => {
    const query = ZDevelopmentQuery.parse({ agreement: "gsomia", cursor: "abc", limit: "30" });
    expect(toSearchParams(ZDevelopmentQuery, query, { omit: ["cursor", "limit"] }).toString()).toBe("agreement=gsomia");
  });

  it("round-trips: the link parses back to the query it was made from", () => {
    for (const raw of [
      { q: "export controls", party: ["JPN", "KOR"], kind: "SECURITY", sort: "name", from: "2019-07", to: "2020" },
      { status: ["SIGNED"], cursor: "xyz_1", limit: "10" },
    ]) {
      const query = ZAgreementListQuery.parse(raw);
      const link = toSearchParams(ZAgreementListQuery, query);
      expect(ZAgreementListQuery.parse(paramsToObject(link))).toEqual(query);
    }
    const development = ZDevelopmentQuery.parse({ pair: "JPN-KOR", direction: ["ESCALATION", "NEUTRAL"], state: "published" });
    expect(ZDevelopmentQuery.parse(paramsToObject(toSearchParams(ZDevelopmentQuery, development)))).toEqual(development);
  });
});
