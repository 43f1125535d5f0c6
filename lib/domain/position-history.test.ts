import { describe, expect, it } from "vitest";
import { languageName, positionsByParty } from "./position-history";

const at = (day: string) => new Date(`${day}T00:00:00Z`);
const position = (id: string, partyCode: string, day: string, supersedesId: string | null = null) => ({ id, partyCode, supersedesId, statedAt: at(day), createdAt: at(day) });

describe("positionsByParty", () => {
  it("puts each party in its own column, in the subject's order, newest first", () => {
    const columns = positionsByParty(["JPN", "KOR"], [position("a", "KOR", "2019-08-02"), position("b", "JPN", "2019-07-02"), position("c", "JPN", "2019-08-27")]);
    expect(columns.map((column) => column.partyCode)).toEqual(["JPN", "KOR"]);
    expect(columns[0]!.current.map((entry) => entry.id)).toEqual(["c", "b"]);
    expect(columns[1]!.current.map((entry) => entry.id)).toEqual(["a"]);
  });

  it("keeps superseded positions as history, naming the one that replaced them", () => {
    const [kor] = positionsByParty(["KOR"], [position("aug", "KOR", "2019-08-22"), position("nov", "KOR", "2019-11-22", "aug")]);
    expect(kor!.current.map((entry) => entry.id)).toEqual(["nov"]);
    expect(kor!.superseded).toEqual([expect.objectContaining({ id: "aug", supersededById: "nov" })]);
  });

  it("gives a party without a position an empty column, and adds parties the subject did not list", () => {
    const columns = positionsByParty(["JPN", "KOR"], [position("x", "USA", "2019-08-23")]);
    expect(columns.map((column) => [column.partyCode, column.current.length])).toEqual([["JPN", 0], ["KOR", 0], ["USA", 1]]);
  });
});

describe("languageName", () => {
  it("names the common languages and falls back to the code", () => {
    expect([languageName("ja"), languageName("ko-KR"), languageName("tl")]).toEqual(["Japanese", "Korean", "tl"]);
  });
});
