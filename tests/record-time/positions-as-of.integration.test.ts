import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as positionsApi } from "../../app/api/v1/positions/route";
import { GET as positionApi } from "../../app/api/v1/positions/[id]/route";
import { ZAddPosition, ZEditPosition } from "../../lib/schemas/party-position";
import type { TSignedInActor } from "../../lib/server/permissions";
import { addPosition } from "../../lib/server/positions/add-position";
import { editPosition } from "../../lib/server/positions/edit-position";
import { listSubjectPositions } from "../../lib/server/positions/list-positions";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { callRoute } from "../api/call-route";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { renderPublicPage } from "../support/render-page";
import { useTestDatabase } from "../support/test-database";

// Party positions as of an instant (issue 12 item 2, decision 041): a position recorded after
// the instant is absent then and present now; one superseded later is current then; on the
// record axis a later correction's words give way to the words recorded then; a development's
// positions stand while it did. The API and the agreement page agree; bad asOf is a 422.

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pactwatch-path": "/agreements" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

const database = useTestDatabase();
const pause = () => new Promise((resolve) => setTimeout(resolve, 25));
let slug: string;
let between: string;
let ids: { earlier: string; later: string; japan: string; development: string; onDevelopment: string };

// Undated sources (registered from a pasted link): each position is known from when it was recorded.
const fields = (overrides: Record<string, unknown>) => ({
    subject: `agreement:${slug}`,
    partyCode: "KOR",
    speaker: "Kim You-geun, deputy director of the National Security Office",
    quote: "Japan caused serious changes in bilateral cooperation on national security.",
    quoteLanguage: "en",
    statedOn: "2019-08-22",
    timeZone: "Asia/Seoul",
    citations: [{ url: "http://news.kbs.co.kr/news/view.do?ncd=4268740", title: "SOUTH KOREA TO TERMINATE GSOMIA", publisher: "KBS News" }],
    ...overrides,
  });
const position = (overrides: Record<string, unknown>) => ZAddPosition.parse(fields(overrides));
const japanFields = (overrides: Record<string, unknown> = {}) =>
  fields({
    partyCode: "JPN",
    speaker: "Taro Kono, Minister for Foreign Affairs",
    quote: "these two issues are of totally different nature",
    timeZone: "Asia/Tokyo",
    citations: [{ url: "https://www.mofa.go.jp/press/release/press4e_002598.html", title: "On the GSOMIA decision", publisher: "Ministry of Foreign Affairs of Japan" }],
    ...overrides,
  });
const japan = (overrides: Record<string, unknown> = {}) => ZAddPosition.parse(japanFields(overrides));

beforeAll(async () => {
  const analyst: TSignedInActor = await createTestUser(database.db, "ANALYST", "Ana Lyst");
  const admin = await createTestUser(database.db, "ADMIN", "Ad Min");
  slug = await createTestAgreement(database.db, analyst, { shortName: "GSOMIA" });
  const earlier = await addPosition(analyst, position({}));
  const japanese = await addPosition(analyst, japan());
  const development = await logStatusChange(analyst, logInput(`agreement:${slug}`));
  const onDevelopment = await addPosition(analyst, position({ subject: `development:${development.id}`, statedOn: "2019-11-22" }));
  await pause();
  between = new Date().toISOString();
  await pause();
  // After the instant: Seoul's later position supersedes its earlier one, Tokyo's words are
  // corrected, and the development (with its position) is retracted.
  const later = await addPosition(analyst, position({ statedOn: "2019-11-22", quote: "we decided to halt our decision", supersedesId: earlier.id, supersedesVersion: "1" }));
  await editPosition(analyst, ZEditPosition.parse({ ...japanFields({ quote: "these two issues are of a totally different nature" }), id: japanese.id, version: "1" }));
  await retractStatusChange(admin, { id: development.id, version: development.version, reason: "Logged twice" });
  ids = { earlier: earlier.id, later: later.id, japan: japanese.id, development: development.id, onDevelopment: onDevelopment.id };
});

const at = (axis: "known" | "recorded") => ({ instant: new Date(between), axis });

describe("party positions as of an instant", () => {
  it("on the agreement: the later position absent, the earlier one current; now superseded", async () => {
    const now = await listSubjectPositions(null, { agreement: slug }, ["JPN", "KOR"]);
    const korNow = now.parties.find((party) => party.partyCode === "KOR")!;
    expect([korNow.current.map((item) => item.id), korNow.superseded.map((item) => item.id)]).toEqual([[ids.later], [ids.earlier]]);
    for (const axis of ["known", "recorded"] as const) {
      const then = await listSubjectPositions(null, { agreement: slug }, ["JPN", "KOR"], at(axis));
      const kor = then.parties.find((party) => party.partyCode === "KOR")!;
      expect([kor.current.map((item) => item.id), kor.superseded], axis).toEqual([[ids.earlier], []]);
    }
    expect((await listSubjectPositions(null, { agreement: slug }, ["JPN", "KOR"], { instant: new Date("2019-11-22T12:00:00Z"), axis: "known" })).count).toBe(0);
  });

  it("in the words recorded then on the record axis, in today's on the knowledge axis", async () => {
    const quoteOf = async (asOf?: ReturnType<typeof at>) =>
      (await listSubjectPositions(null, { agreement: slug }, ["JPN", "KOR"], asOf)).parties.find((party) => party.partyCode === "JPN")!.current[0]!.quote;
    expect(await quoteOf(at("recorded"))).toBe("these two issues are of totally different nature");
    expect(await quoteOf(at("known"))).toBe("these two issues are of a totally different nature");
    expect(await quoteOf()).toBe("these two issues are of a totally different nature");
  });

  it("a development's positions stood while it did: recorded then, withdrawn now and from today's knowledge", async () => {
    expect((await listSubjectPositions(null, { statusChangeId: ids.development }, [], at("recorded"))).count).toBe(1);
    expect((await listSubjectPositions(null, { statusChangeId: ids.development }, [], at("known"))).count).toBe(0);
    expect((await listSubjectPositions(null, { statusChangeId: ids.development }, [])).count).toBe(0);
  });

  it("GET /api/v1/positions and /api/v1/positions/{id} read as of the instant, and page by keyset", async () => {
    const then = await callRoute(positionsApi, "GET", { query: { agreement: slug, asOf: between, axis: "recorded" } });
    expect(then.status).toBe(200);
    expect(then.json!.data.map((item: { id: string }) => item.id).sort()).toEqual([ids.earlier, ids.japan].sort());
    expect(then.json!.asOf).toEqual({ instant: between, axis: "recorded" });
    const all = await callRoute(positionsApi, "GET", { query: { asOf: between, axis: "recorded", limit: 1 } });
    const second = await callRoute(positionsApi, "GET", { query: { asOf: between, axis: "recorded", limit: 2, cursor: all.json!.nextCursor } });
    expect([...all.json!.data, ...second.json!.data].map((item: { id: string }) => item.id)).toEqual([ids.earlier, ids.japan, ids.onDevelopment]);
    expect(second.json!.nextCursor).toBeNull();
    expect((await callRoute(positionsApi, "GET", { query: { agreement: slug } })).json!.data).toHaveLength(3);

    const earlierThen = await callRoute(positionApi, "GET", { params: { id: ids.earlier }, query: { asOf: between } });
    expect([earlierThen.status, earlierThen.json!.data.supersededById]).toEqual([200, null]);
    const earlierNow = await callRoute(positionApi, "GET", { params: { id: ids.earlier } });
    expect([earlierNow.json!.data.supersededById, earlierNow.json!.data.asOf]).toEqual([ids.later, null]);
    expect((await callRoute(positionApi, "GET", { params: { id: ids.later }, query: { asOf: between } })).status).toBe(404);
    expect((await callRoute(positionApi, "GET", { params: { id: ids.later } })).status).toBe(200);
  });

  it("answers an unreadable asOf or axis with 422 problem+json", async () => {
    for (const query of [{ asOf: "2019-02-30" }, { asOf: "\u0000" }, { asOf: "2019-11-22T25:00" }, { axis: "sideways" }] as Record<string, string>[]) {
      const answers = [await callRoute(positionsApi, "GET", { query }), await callRoute(positionApi, "GET", { params: { id: ids.earlier }, query })];
      expect(answers.map((answer) => answer.status), JSON.stringify(query)).toEqual([422, 422]);
      expect(answers.every((answer) => answer.headers.get("content-type")?.startsWith("application/problem+json"))).toBe(true);
    }
  });

  it("the agreement page shows the positions that stood then, and now the superseded one below its successor", async () => {
    const render = (search: Record<string, string>) => renderPublicPage("agreements/[slug]/page", { slug }, search);
    const then = await render({ asOf: between, axis: "recorded" });
    expect(then).toContain("Positions");
    expect(then).toContain("Japan caused serious changes");
    expect(then).not.toContain("we decided to halt our decision");
    expect(then).not.toContain("Earlier positions, superseded");
    const now = await render({});
    expect(now).toContain("we decided to halt our decision");
    expect(now).toContain("Earlier positions, superseded");
  });
});
