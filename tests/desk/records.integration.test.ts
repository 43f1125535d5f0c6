import { beforeAll, describe, expect, it } from "vitest";
import { ZAgreement, ZUpdateAgreement } from "../../lib/schemas/agreement";
import { ZParty, ZUpdateParty } from "../../lib/schemas/party";
import { ZTradeMeasure, ZUpdateTradeMeasure } from "../../lib/schemas/trade-measure";
import { createAgreement } from "../../lib/server/agreements/create-agreement";
import { getAgreementForEdit } from "../../lib/server/agreements/get-agreement-for-edit";
import { updateAgreement } from "../../lib/server/agreements/update-agreement";
import { createMeasure } from "../../lib/server/measures/create-measure";
import { getMeasureForEdit } from "../../lib/server/measures/get-measure-for-edit";
import { updateMeasure } from "../../lib/server/measures/update-measure";
import { createParty } from "../../lib/server/parties/create-party";
import { updateParty } from "../../lib/server/parties/update-party";
import type { TSignedInActor } from "../../lib/server/permissions";
import { listRevisions } from "../../lib/server/revisions/list-revisions";
import { countWrites, createTestUser, ensureTestParties } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { refusal } from "../support/refusal";

const database = useTestDatabase();
let analyst: TSignedInActor;
let otherAnalyst: TSignedInActor;
let reader: TSignedInActor;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "First Analyst");
  otherAnalyst = await createTestUser(database.db, "ANALYST", "Second Analyst");
  reader = await createTestUser(database.db, "READER");
  await ensureTestParties(database.db);
});

const gsomia = {
  title: "General Security of Military Information Agreement",
  shortName: "GSOMIA",
  kind: "SECURITY",
  partyCodes: ["JPN", "KOR"],
  signedOn: "2016-11-23",
  inForceOn: "2016-11-23",
  termMonths: "12",
  autoRenews: "on",
  noticeDays: "90",
  timeZone: "Asia/Seoul",
  summary: "Intelligence sharing between Japan and South Korea.",
};

describe("agreements", () => {
  it("are created with a stable slug from the short name, a revision and an audit event; a second one gets -2", async () => {
    const first = await createAgreement(analyst, ZAgreement.parse(gsomia));
    const second = await createAgreement(analyst, ZAgreement.parse(gsomia));
    expect([first.slug, second.slug]).toEqual(["gsomia", "gsomia-2"]);
    const stored = await database.db.agreement.findUniqueOrThrow({ where: { slug: "gsomia" }, include: { parties: { include: { party: true } } } });
    expect(stored.parties.map(({ party }) => party.code).sort()).toEqual(["JPN", "KOR"]);
    expect(await database.db.auditEvent.count({ where: { entityId: first.id, action: "agreement:create" } })).toBe(1);
    expect((await listRevisions(analyst, "Agreement", first.id)).map((revision) => revision.version)).toEqual([1]);

    // The title changes; the slug does not.
    const form = await getAgreementForEdit(analyst, "gsomia");
    const saved = await updateAgreement(analyst, "gsomia", ZUpdateAgreement.parse({ ...form.values, title: "GSOMIA (renamed)", partyCodes: ["JPN", "KOR", "USA"], version: "1" }));
    expect(saved).toMatchObject({ slug: "gsomia", version: 2 });
    const revisions = await listRevisions(analyst, "Agreement", first.id);
    expect(revisions.at(-1)?.changes.map((change) => change.field).sort()).toEqual(["partyCodes", "title"]);
  });

  it("refuse a stale version with their version in the conflict, and unknown parties beside the field, writing nothing", async () => {
    const { slug } = await createAgreement(analyst, ZAgreement.parse({ ...gsomia, shortName: "", title: "Conflict pact" }));
    const form = await getAgreementForEdit(analyst, slug);
    await updateAgreement(otherAnalyst, slug, ZUpdateAgreement.parse({ ...form.values, summary: "Theirs", version: "1" }));
    const writes = await countWrites(database.db);
    const conflict = await refusal(updateAgreement(analyst, slug, ZUpdateAgreement.parse({ ...form.values, summary: "Mine", version: "1" })));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.details).toMatchObject({ currentVersion: 2, savedBy: "Second Analyst", current: { summary: "Theirs" } });
    const unknown = await refusal(createAgreement(analyst, ZAgreement.parse({ ...gsomia, partyCodes: ["JPN", "XXX"] })));
    expect(unknown.fieldErrors.partyCodes?.[0]).toMatch(/No party has the code XXX/);
    expect((await refusal(createAgreement(reader, ZAgreement.parse(gsomia)))).code).toBe("FORBIDDEN");
    expect(await countWrites(database.db)).toEqual(writes);
  });
});

describe("trade measures", () => {
  it("are created with their targets and links, and edited with link changes audited and kept in revisions", async () => {
    const { slug: pact } = await createAgreement(analyst, ZAgreement.parse({ ...gsomia, shortName: "", title: "Linked pact" }));
    const original = await createMeasure(
      analyst,
      ZTradeMeasure.parse({ title: "Japan export controls", imposingPartyCode: "JPN", targetPartyCodes: ["KOR"], measureType: "EXPORT_CONTROL", hsCodes: "2811.11", timeZone: "Asia/Tokyo", links: [] }),
    );
    const retaliation = await createMeasure(
      analyst,
      ZTradeMeasure.parse({
        title: "Korea removes Japan from its white list",
        imposingPartyCode: "KOR",
        targetPartyCodes: ["JPN"],
        measureType: "PREFERENTIAL_LIST_REMOVAL",
        timeZone: "Asia/Seoul",
        links: [
          { type: "RETALIATION_FOR", target: `measure:${original.slug}`, note: "Seoul's answer" },
          { type: "RELATED", target: `agreement:${pact}`, note: "" },
        ],
      }),
    );
    expect(await database.db.link.count({ where: { fromMeasureId: retaliation.id } })).toBe(2);

    const form = await getMeasureForEdit(analyst, retaliation.slug);
    await updateMeasure(
      analyst,
      retaliation.slug,
      ZUpdateTradeMeasure.parse({ ...form.values, version: "1", links: [{ type: "RETALIATION_FOR", target: `measure:${original.slug}`, note: "Seoul's reciprocal step" }] }),
    );
    const links = await database.db.link.findMany({ where: { fromMeasureId: retaliation.id } });
    expect(links.map((link) => [link.type, link.toMeasureId, link.note])).toEqual([["RETALIATION_FOR", original.id, "Seoul's reciprocal step"]]);
    const actions = (await database.db.auditEvent.findMany({ where: { entityType: "Link" }, orderBy: { id: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["link:create", "link:create", "link:edit", "link:delete"]);
    expect((await listRevisions(analyst, "TradeMeasure", retaliation.id)).at(-1)?.changes.map((change) => change.field)).toEqual(["links"]);
  });

  it("refuse a link to itself and unknown link targets beside the row", async () => {
    const measure = await createMeasure(analyst, ZTradeMeasure.parse({ title: "Lonely measure", imposingPartyCode: "JPN", targetPartyCodes: ["KOR"], measureType: "TARIFF", timeZone: "UTC", links: [] }));
    const form = await getMeasureForEdit(analyst, measure.slug);
    const writes = await countWrites(database.db);
    const error = await refusal(
      updateMeasure(
        analyst,
        measure.slug,
        ZUpdateTradeMeasure.parse({ ...form.values, version: "1", links: [{ type: "RELATED", target: "", note: "" }, { type: "RELATED", target: `measure:${measure.slug}` }, { type: "RELATED", target: "agreement:nope" }] }),
      ),
    );
    expect(error.fieldErrors).toEqual({ "links.1.target": ["A measure cannot be linked to itself"], "links.2.target": ["That agreement or measure no longer exists: choose another"] });
    expect(await countWrites(database.db)).toEqual(writes);
  });
});

describe("parties", () => {
  it("are created once per code, edited with versions, and refuse stale saves", async () => {
    const created = await createParty(analyst, ZParty.parse({ code: "asean", kind: "ORGANIZATION", name: "ASEAN", aliases: "Association of Southeast Asian Nations" }));
    expect(created).toMatchObject({ code: "ASEAN", version: 1 });
    const duplicate = await refusal(createParty(analyst, ZParty.parse({ code: "ASEAN", kind: "ORGANIZATION", name: "Again" })));
    expect(duplicate.fieldErrors.code).toEqual(["ASEAN already has the code ASEAN"]);

    await updateParty(analyst, "ASEAN", ZUpdateParty.parse({ name: "Association of Southeast Asian Nations", aliases: "ASEAN", version: "1" }));
    const stale = await refusal(updateParty(otherAnalyst, "ASEAN", ZUpdateParty.parse({ name: "Stale", aliases: "", version: "1" })));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details).toMatchObject({ current: { name: "Association of Southeast Asian Nations", aliases: "ASEAN" } });
    expect((await listRevisions(analyst, "Party", created.id)).map((revision) => revision.version)).toEqual([1, 2]);
  });
});
