import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
// The Frictionless project's own JavaScript implementation (Data Package + Table Schema): PyPI's
// frictionless is out of reach here and Debian has none (docs/decisions/022).
// @ts-expect-error the package ships no types
import { Package } from "datapackage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/exports/pactwatch-datapackage.zip/route";
import { rowSchema } from "../../lib/schemas/published-tables/columns";
import { tableSchemaOf } from "../../lib/schemas/published-tables/table-schema";
import { PUBLISHED_TABLES } from "../../lib/schemas/published-tables/tables";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { DATAPACKAGE_BATCH_SIZE } from "../../lib/server/exports/datapackage/datapackage-zip";
import { mergeSources } from "../../lib/server/sources/merge-sources";
import { makeAgreement, makeCitingEntry, makeSource } from "../support/registry-factories";
import { ensureTestParties } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { runCommand } from "../commands/run-command";
import { createTestUser } from "../support/users";

const database = useTestDatabase();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-datapackage-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

type TRows = Record<string, Record<string, string>[]>;
let zipPath = "";
let rows: TRows = {};
let ids: { draft: string; retracted: string; published: string; merged: string; kept: string; formula: string; cancelling: string } = {} as never;

async function download(): Promise<Response> {
  return runAsActor(null, () => GET(new Request("http://pactwatch.test/exports/pactwatch-datapackage.zip"), { params: Promise.resolve({}) }));
}

beforeAll(async () => {
  const db = database.db;
  await ensureTestParties(db);
  const [jpn, kor] = await Promise.all(["JPN", "KOR"].map((code) => db.party.findUniqueOrThrow({ where: { code } })));
  const agreement = await makeAgreement(db);
  await db.agreementParty.createMany({ data: [{ agreementId: agreement.id, partyId: jpn!.id }, { agreementId: agreement.id, partyId: kor!.id }] });
  const measure = await db.tradeMeasure.create({
    data: { slug: "photoresists", title: "Export controls on photoresists", imposingPartyId: jpn!.id, measureType: "EXPORT_CONTROL", hsCodes: ["3707.10"], targets: { create: [{ partyId: kor!.id }] } },
  });
  await db.link.create({ data: { type: "RETALIATION_FOR", fromAgreementId: agreement.id, toMeasureId: measure.id, note: "Seoul's notice answered Tokyo's controls" } });
  const [kept, duplicate, other] = [await makeSource(db, { authors: ["Choe Sang-Hun", "Motoko Rich"] }), await makeSource(db), await makeSource(db, { retiredAt: new Date(), retiredReason: "Withdrawn" })];
  const published = await makeCitingEntry(db, agreement.id, [kept.id, duplicate.id, other.id]);
  // A cell a spreadsheet would run as a formula: the CSV guard keeps it text.
  const formula = await makeCitingEntry(db, agreement.id, [kept.id], "=HYPERLINK(\"https://evil.example\")");
  const retracted = await makeCitingEntry(db, agreement.id, [kept.id], "Retracted later");
  await db.statusChange.update({ where: { id: retracted.id }, data: { state: "RETRACTED", retractedAt: new Date(), retractionReason: "Misread the source" } });
  const draft = await makeCitingEntry(db, agreement.id, [other.id], "A draft nobody may see");
  await db.statusChange.update({ where: { id: draft.id }, data: { state: "DRAFT", publishedAt: null } });
  // A published entry cancelling a draft: the draft's id must not leak into cancels_id.
  const cancelling = await makeCitingEntry(db, agreement.id, [kept.id], "Cancels a draft");
  await db.statusChange.update({ where: { id: cancelling.id }, data: { cancelsId: draft.id } });
  await mergeSources(await createTestUser(db, "ADMIN"), { sourceId: duplicate.id, targetId: kept.id, sourceVersion: 1, targetVersion: 1 });
  // More citations than one batch, so keyset paging across batches is exercised.
  const many = await makeCitingEntry(db, agreement.id, [], "Cited widely");
  const bulk = await Promise.all(Array.from({ length: 3 }, () => makeSource(db)));
  await db.citation.createMany({ data: Array.from({ length: DATAPACKAGE_BATCH_SIZE + 5 }, (_, index) => ({ statusChangeId: many.id, sourceId: bulk[index % 3]!.id, position: index })) });
  ids = { draft: draft.id, retracted: retracted.id, published: published.id, merged: duplicate.id, kept: kept.id, formula: formula.id, cancelling: cancelling.id };

  const response = await download();
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  zipPath = path.join(work, "pactwatch-datapackage.zip");
  fs.writeFileSync(zipPath, Buffer.from(await response.arrayBuffer()));
  execFileSync("unzip", ["-q", "-o", zipPath, "-d", path.join(work, "unzipped")]);
  rows = Object.fromEntries(
    PUBLISHED_TABLES.map((table) => [table.name, parse(fs.readFileSync(path.join(work, "unzipped", "data", `${table.name}.csv`)), { columns: true }) as Record<string, string>[]]),
  );
}, 300_000);

describe("the data package", () => {
  it("is valid for the Frictionless validator: descriptor, every cell's type and constraint, primary keys and foreign keys", { timeout: 300_000 }, async () => {
    // Loaded from the unzipped folder: the library's own ZIP reader does not make the data/ folder.
    const dataPackage = await Package.load(path.join(work, "unzipped", "datapackage.json"), { strict: false });
    expect(dataPackage.errors.map((error: Error) => error.message)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
    expect(dataPackage.descriptor.profile).toBe("tabular-data-package");
    expect(dataPackage.resourceNames.sort()).toEqual(PUBLISHED_TABLES.map((table) => table.name).sort());
    for (const resource of dataPackage.resources) {
      // Casts every cell by its field's type, checks required and enum constraints and primary-key
      // uniqueness, and (relations) that every foreign key finds its row.
      const read = await resource.read({ keyed: true, relations: true }).catch((error: Error & { errors?: Error[] }) => {
        throw new Error(`${resource.name}: ${[error.message, ...(error.errors ?? []).map((cause) => cause.message)].join("; ")}`);
      });
      expect(read.length, resource.name).toBe(rows[resource.name]!.length);
    }
  });

  it("joins: every foreign key of every table finds its row", () => {
    let checked = 0;
    for (const table of PUBLISHED_TABLES) {
      for (const key of table.foreignKeys) {
        const targets = new Set(rows[key.table]!.map((row) => key.references.map((name) => row[name]).join("|")));
        for (const row of rows[table.name]!) {
          const values = key.fields.map((name) => row[name]);
          if (values.every((value) => value === "")) continue;
          expect(targets.has(values.join("|")), `${table.name}.${key.fields.join(",")} = ${values.join(",")}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(DATAPACKAGE_BATCH_SIZE);
    // Every development's citations lead to sources, and every development to its subject.
    const published = rows.developments!.find((row) => row.id === ids.published)!;
    const cited = rows.citations!.filter((row) => row.development_id === published.id).map((row) => rows.sources!.find((source) => source.id === row.source_id)!);
    expect(cited.map((source) => source.id)).toContain(ids.kept);
    expect(rows.agreements!.some((row) => row.id === published.agreement_id)).toBe(true);
  });

  it("holds the published record only: published and retracted developments, no draft, no draft's id", () => {
    const developments = new Map(rows.developments!.map((row) => [row.id, row]));
    expect(developments.has(ids.published)).toBe(true);
    expect(developments.get(ids.retracted)).toMatchObject({ state: "RETRACTED", retraction_reason: "Misread the source" });
    expect(developments.has(ids.draft)).toBe(false);
    expect(rows.citations!.some((row) => row.development_id === ids.draft)).toBe(false);
    expect(developments.get(ids.cancelling)!.cancels_id).toBe("");
    expect(rows.citations!.length).toBe(3 + 1 + 1 + 1 + DATAPACKAGE_BATCH_SIZE + 5);
    expect(new Set(rows.citations!.map((row) => row.id)).size).toBe(rows.citations!.length);
    expect(rows.sources!.find((row) => row.id === ids.merged)!.merged_into_id).toBe(ids.kept);
    expect(JSON.parse(rows.sources!.find((row) => row.id === ids.kept)!.authors!)).toEqual(["Choe Sang-Hun", "Motoko Rich"]);
    expect(JSON.parse(rows.measures![0]!.hs_codes!)).toEqual(["3707.10"]);
    expect(rows.agreement_parties!.length).toBe(2);
    expect(rows.measure_targets!.length).toBe(1);
    expect(rows.links!.length).toBe(1);
    expect(developments.get(ids.formula)!.headline).toBe("'=HYPERLINK(\"https://evil.example\")");
  });

  it("describes each table from its one definition: the Table Schema and the row schema agree column by column", () => {
    const descriptor = JSON.parse(fs.readFileSync(path.join(work, "unzipped", "datapackage.json"), "utf8"));
    for (const table of PUBLISHED_TABLES) {
      const resource = descriptor.resources.find((candidate: { name: string }) => candidate.name === table.name);
      expect(resource.schema).toEqual(tableSchemaOf(table));
      expect(Object.keys(rowSchema(table).shape)).toEqual(resource.schema.fields.map((field: { name: string }) => field.name));
      expect(Object.keys(rows[table.name]![0] ?? Object.fromEntries(resource.schema.fields.map((field: { name: string }) => [field.name, ""])))).toEqual(resource.schema.fields.map((field: { name: string }) => field.name));
    }
    const status = descriptor.resources.find((resource: { name: string }) => resource.name === "developments").schema.fields.find((field: { name: string }) => field.name === "status");
    expect(status.constraints.enum).toContain("PROVISIONALLY_EXTENDED");
    expect(descriptor.resources.find((resource: { name: string }) => resource.name === "developments").schema.foreignKeys).toContainEqual({ fields: ["cancels_id"], reference: { resource: "", fields: ["id"] } });
  });

  it("is what npm run db:datapackage writes too, with progress per table on stderr", { timeout: 300_000 }, async () => {
    const output = path.join(work, "from-command.zip");
    const result = await runCommand("npm", ["run", "--silent", "db:datapackage", "--", "--output", output], { env: { DATABASE_URL: database.url }, timeoutMs: 280_000 });
    expect(result.code, result.stderr).toBe(0);
    for (const table of PUBLISHED_TABLES) expect(result.stderr).toContain(`[db:datapackage] ${table.name}: ${rows[table.name]!.length} rows, done`);
    execFileSync("unzip", ["-q", "-o", output, "-d", path.join(work, "from-command")]);
    for (const table of PUBLISHED_TABLES) {
      const file = path.join("data", `${table.name}.csv`);
      expect(fs.readFileSync(path.join(work, "from-command", file), "utf8"), file).toBe(fs.readFileSync(path.join(work, "unzipped", file), "utf8"));
    }
  });

  it("is refused to anonymous visitors when PUBLIC_READ is off, like every read", async () => {
    process.env.PUBLIC_READ = "false";
    const { resetEnvCache } = await import("../../lib/server/env");
    resetEnvCache();
    try {
      const response = await download();
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    } finally {
      process.env.PUBLIC_READ = "true";
      resetEnvCache();
    }
  });
});
