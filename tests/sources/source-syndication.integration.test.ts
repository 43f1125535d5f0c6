import { describe, expect, it } from "vitest";
import { ZSourceSyndication } from "../../lib/schemas/admin-source";
import { setSourceSyndication } from "../../lib/server/sources/set-source-syndication";
import { createTestUser } from "../support/desk-factories";
import { makeSource } from "../support/registry-factories";
import { useTestDatabase } from "../support/test-database";

// The registry records who a source's report comes from (issue 13, corroboration): a publisher
// group and the source it carries, edited by admins at the source's version, audited, never a loop.

const database = useTestDatabase();

describe("setSourceSyndication", () => {
  it("records a Korea Herald page as carrying a Yonhap report, audited, at the form's version", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const analyst = await createTestUser(database.db, "ANALYST");
    const yonhap = await makeSource(database.db, { publisher: "Yonhap News Agency" });
    const herald = await makeSource(database.db, { publisher: "The Korea Herald" });
    const input = ZSourceSyndication.parse({ id: herald.id, version: "1", publisherGroup: " Yonhap ", syndicatedFromId: yonhap.id });

    await expect(setSourceSyndication(analyst, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await setSourceSyndication(admin, input)).toEqual({ id: herald.id, version: 2 });
    await expect(setSourceSyndication(admin, input)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await database.db.source.findUniqueOrThrow({ where: { id: herald.id }, select: { publisherGroup: true, syndicatedFromId: true } })).toEqual({ publisherGroup: "Yonhap", syndicatedFromId: yonhap.id });
    expect(await database.db.auditEvent.findFirstOrThrow({ where: { action: "source:syndication", entityId: herald.id }, select: { before: true, after: true } })).toMatchObject({
      before: { publisherGroup: null, syndicatedFromId: null, version: 1 },
      after: { publisherGroup: "Yonhap", syndicatedFromId: yonhap.id, version: 2 },
    });

    // Yonhap cannot then carry the Herald: that would loop.
    await expect(setSourceSyndication(admin, ZSourceSyndication.parse({ id: yonhap.id, version: 1, publisherGroup: "", syndicatedFromId: herald.id }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { syndicatedFromId: ["That source carries this one already"] },
    });
    // Clearing both: empty fields store nothing.
    await setSourceSyndication(admin, ZSourceSyndication.parse({ id: herald.id, version: 2, publisherGroup: "", syndicatedFromId: "" }));
    expect(await database.db.source.findUniqueOrThrow({ where: { id: herald.id }, select: { publisherGroup: true, syndicatedFromId: true } })).toEqual({ publisherGroup: null, syndicatedFromId: null });
  });

  it("refuses a source that carries itself, an unknown one and a merged one", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const source = await makeSource(database.db);
    const survivor = await makeSource(database.db);
    const merged = await makeSource(database.db, { mergedIntoId: survivor.id, mergedAt: new Date() });
    expect(ZSourceSyndication.safeParse({ id: source.id, version: 1, syndicatedFromId: source.id }).success).toBe(false);
    for (const syndicatedFromId of ["0190a0a0-0000-7000-8000-00000000dead", merged.id]) {
      await expect(setSourceSyndication(admin, ZSourceSyndication.parse({ id: source.id, version: 1, syndicatedFromId }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
  });
});
