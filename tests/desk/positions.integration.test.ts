import { beforeAll, describe, expect, it } from "vitest";
import * as positionsRoute from "../../app/api/v1/positions/route";
import * as positionRoute from "../../app/api/v1/positions/[id]/route";
import { ZAddPosition, ZEditPosition } from "../../lib/schemas/party-position";
import type { TSignedInActor } from "../../lib/server/permissions";
import { addPosition } from "../../lib/server/positions/add-position";
import { editPosition } from "../../lib/server/positions/edit-position";
import { listSubjectPositions } from "../../lib/server/positions/list-positions";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { callRoute } from "../api/call-route";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken } from "../support/users";
import { refusal } from "../support/refusal";

const database = useTestDatabase();
let analyst: TSignedInActor;
let admin: TSignedInActor;
let reader: TSignedInActor;
let slug: string;

const MOFA = "https://www.mofa.go.jp/press/release/press4e_002598.html";
const KBS = "http://news.kbs.co.kr/news/view.do?ncd=4268740";

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Ana Lyst");
  admin = await createTestUser(database.db, "ADMIN", "Ad Min");
  reader = await createTestUser(database.db, "READER");
  slug = await createTestAgreement(database.db, analyst, { shortName: "GSOMIA" });
});

const japan = (overrides: Record<string, unknown> = {}) => ({
  subject: `agreement:${slug}`,
  partyCode: "JPN",
  speaker: "Taro Kono, Minister for Foreign Affairs",
  quote: "these two issues are of totally different nature",
  quoteLanguage: "en",
  statedOn: "2019-08-22",
  timeZone: "Asia/Tokyo",
  citations: [{ url: MOFA, title: "Regarding the Decision by the Government of the Republic of Korea to Terminate the Japan-ROK GSOMIA", publisher: "Ministry of Foreign Affairs of Japan", locator: "point 4" }],
  ...overrides,
});
const korea = (overrides: Record<string, unknown> = {}) => ({
  subject: `agreement:${slug}`,
  partyCode: "KOR",
  speaker: "Kim You-geun, deputy director of the National Security Office",
  quote: "By removing Korea from its whitelist, Japan caused serious changes in bilateral cooperation on national security.",
  quoteLanguage: "en",
  statedOn: "2019-08-22",
  timeZone: "Asia/Seoul",
  citations: [{ url: KBS, title: "SOUTH KOREA TO TERMINATE GSOMIA", publisher: "KBS News", locator: "soundbite" }],
  ...overrides,
});

describe("party positions", () => {
  it("adds a position with its source, a revision and an audit event; a Japanese original keeps its translation", async () => {
    const added = await addPosition(analyst, ZAddPosition.parse(japan({ quote: "全く次元が異なる問題", quoteLanguage: "ja", translation: "A problem of a completely different dimension", translationNote: "Pactwatch's translation" })));
    const stored = await database.db.partyPosition.findUniqueOrThrow({ where: { id: added.id }, include: { source: true, party: true } });
    expect(stored).toMatchObject({ quoteLanguage: "ja", translation: "A problem of a completely different dimension", translationLanguage: "en", party: { code: "JPN" }, locator: "point 4" });
    expect(stored.source.url).toBe(MOFA);
    expect(stored.statedAt.toISOString()).toBe("2019-08-21T15:00:00.000Z");
    expect(await database.db.revision.count({ where: { entityType: "PartyPosition", entityId: added.id } })).toBe(1);
    expect((await database.db.auditEvent.findFirstOrThrow({ where: { entityType: "PartyPosition", entityId: added.id } })).action).toBe("position:add");
  });

  it("refuses a party that is not a party to the subject, a missing source, and a future date", async () => {
    await database.db.party.upsert({ where: { code: "USA" }, update: {}, create: { code: "USA", name: "United States", kind: "STATE" } });
    expect((await refusal(addPosition(analyst, ZAddPosition.parse(japan({ partyCode: "USA" }))))).fieldErrors.partyCode?.[0]).toMatch(/JPN, KOR/);
    expect(ZAddPosition.safeParse(japan({ citations: [] })).success).toBe(false);
    expect(ZAddPosition.safeParse(japan({ statedOn: "2999-01-01" })).success).toBe(false);
  });

  it("supersedes the same party's earlier position, keeps the history, and refuses a second superseder with 409", async () => {
    const earlier = await addPosition(analyst, ZAddPosition.parse(korea()));
    const later = await addPosition(analyst, ZAddPosition.parse(korea({ statedOn: "2019-11-22", quote: "we decided to halt our decision", supersedesId: earlier.id, supersedesVersion: "1" })));
    expect(later.supersedesId).toBe(earlier.id);
    expect((await database.db.partyPosition.findUniqueOrThrow({ where: { id: earlier.id } })).version).toBe(2);
    expect((await database.db.auditEvent.findFirstOrThrow({ where: { entityType: "PartyPosition", entityId: later.id } })).action).toBe("position:supersede");

    const stale = await refusal(addPosition(admin, ZAddPosition.parse(korea({ statedOn: "2019-12-01", supersedesId: earlier.id, supersedesVersion: "1" }))));
    expect(stale.code).toBe("CONFLICT");
    // Another party, or an older statement, cannot supersede it.
    const other = await addPosition(analyst, ZAddPosition.parse(korea({ statedOn: "2019-08-23" })));
    expect((await refusal(addPosition(analyst, ZAddPosition.parse(japan({ statedOn: "2019-12-01", supersedesId: other.id, supersedesVersion: "1" }))))).fieldErrors.partyCode).toBeDefined();
    expect((await refusal(addPosition(analyst, ZAddPosition.parse(korea({ statedOn: "2019-08-01", supersedesId: other.id, supersedesVersion: "1" }))))).fieldErrors.statedOn).toBeDefined();

    const { parties } = await listSubjectPositions(null, { agreement: slug }, ["JPN", "KOR"]);
    const kor = parties.find((party) => party.partyCode === "KOR")!;
    expect(kor.current.map((position) => position.id)).toContain(later.id);
    expect(kor.superseded.map((position) => [position.id, position.supersededById])).toEqual([[earlier.id, later.id]]);
  });

  it("edits at the version the form was opened at, with a revision; a stale edit is refused with theirs beside it", async () => {
    const added = await addPosition(analyst, ZAddPosition.parse(japan({ statedOn: "2019-08-23" })));
    const edit = (version: number, quote: string) => ZEditPosition.parse({ ...japan({ statedOn: "2019-08-23", quote }), id: added.id, version: String(version) });
    expect((await editPosition(analyst, edit(1, "these two issues are of totally different nature."))).version).toBe(2);
    const stale = await refusal(editPosition(admin, edit(1, "something else")));
    expect(stale.code).toBe("CONFLICT");
    expect((stale.details.current as { quote: string }).quote).toBe("these two issues are of totally different nature.");
    expect(await database.db.revision.count({ where: { entityType: "PartyPosition", entityId: added.id } })).toBe(2);
  });

  it("lets analysts and admins write, not readers or visitors", async () => {
    expect((await refusal(addPosition(reader, ZAddPosition.parse(japan())))).code).toBe("FORBIDDEN");
    expect((await refusal(addPosition(null, ZAddPosition.parse(japan())))).code).toBe("UNAUTHENTICATED");
    expect((await addPosition(admin, ZAddPosition.parse(japan({ statedOn: "2019-08-24" })))).version).toBe(1);
  });

  it("shows a development's positions only while it is published", async () => {
    const change = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    await addPosition(analyst, ZAddPosition.parse(korea({ subject: `development:${change.id}` })));
    expect((await listSubjectPositions(null, { statusChangeId: change.id }, [])).count).toBe(1);
    await retractStatusChange(admin, { id: change.id, version: change.version, reason: "Logged twice" });
    expect((await listSubjectPositions(null, { statusChangeId: change.id }, [])).count).toBe(0);
    expect((await refusal(addPosition(analyst, ZAddPosition.parse(korea({ subject: `development:${change.id}` }))))).code).toBe("INVALID_INPUT");
  });

  it("answers GET /api/v1/positions by subject, and writes through POST and PATCH with a token", async () => {
    const token = await createTestToken(database.db, analyst.id);
    const listed = await callRoute(positionsRoute.GET, "GET", { query: { agreement: slug, limit: 2 } });
    expect(listed.status).toBe(200);
    expect(listed.json!.data).toHaveLength(2);
    expect(listed.json!.nextCursor).toBeTruthy();
    expect(listed.json!.data[0]).toMatchObject({ party: { code: expect.any(String) }, subject: { kind: "AGREEMENT", slug } });

    const created = await callRoute(positionsRoute.POST, "POST", { token, body: japan({ statedOn: "2019-08-25", citations: [{ url: MOFA }] }) });
    expect(created.status).toBe(201);
    const patched = await callRoute(positionRoute.PATCH, "PATCH", { token, params: { id: created.json!.id }, body: { version: 1, locator: "ignored", speaker: "Taro Kono" } });
    expect(patched.status).toBe(200);
    expect((await database.db.partyPosition.findUniqueOrThrow({ where: { id: created.json!.id } })).speaker).toBe("Taro Kono");
    expect((await callRoute(positionsRoute.POST, "POST", { body: japan() })).status).toBe(401);
  });
});
