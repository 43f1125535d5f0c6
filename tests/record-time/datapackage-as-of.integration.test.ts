import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
// @ts-expect-error the package ships no types (as tests/reader/datapackage.integration.test.ts)
import { Package } from "datapackage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/exports/pactwatch-datapackage.zip/route";
import { PUBLISHED_TABLES } from "../../lib/schemas/published-tables/tables";
import { ZEditStatusChange } from "../../lib/schemas/status-change";
import { runAsActor } from "../../lib/server/auth/actor-context";
import type { TSignedInActor } from "../../lib/server/permissions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { runCommand } from "../commands/run-command";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";

// The data package as of an instant (issue 12 item 2, decision 041): the download's ?asOf&axis
// and `npm run db:datapackage -- --as-of` write the developments that stood then, each in the
// version that stood, with its citations; datapackage.json names the instant and axis; an
// unreadable asOf is a 422 problem (the download) or exit 1 with the reason (the command).

const database = useTestDatabase();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-datapackage-as-of-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const pause = () => new Promise((resolve) => setTimeout(resolve, 25));
let between: string;
let ids: { before: string; after: string };

type TRows = Record<string, Record<string, string>[]>;

async function download(query: string): Promise<Response> {
  return runAsActor(null, () => GET(new Request(`http://pactwatch.test/exports/pactwatch-datapackage.zip${query}`), { params: Promise.resolve({}) }));
}

/** Unzips a package into `folder` and reads its descriptor and every table. */
function unpack(zip: Buffer | string, folder: string): { descriptor: Record<string, unknown>; rows: TRows } {
  const zipPath = typeof zip === "string" ? zip : path.join(work, `${folder}.zip`);
  if (typeof zip !== "string") fs.writeFileSync(zipPath, zip);
  execFileSync("unzip", ["-q", "-o", zipPath, "-d", path.join(work, folder)]);
  const read = (file: string) => fs.readFileSync(path.join(work, folder, file));
  return {
    descriptor: JSON.parse(read("datapackage.json").toString("utf8")) as Record<string, unknown>,
    rows: Object.fromEntries(PUBLISHED_TABLES.map((table) => [table.name, parse(read(`data/${table.name}.csv`), { columns: true }) as Record<string, string>[]])),
  };
}

beforeAll(async () => {
  const analyst: TSignedInActor = await createTestUser(database.db, "ANALYST", "Package Analyst");
  const slug = await createTestAgreement(database.db, analyst);
  const before = await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "Seoul keeps GSOMIA alive" }));
  await pause();
  between = new Date().toISOString();
  await pause();
  // After the instant: the first is corrected, a second development is logged.
  const entry = await getStatusChange(analyst, before.id);
  await editStatusChange(analyst, ZEditStatusChange.parse({ ...entry.formValues, id: before.id, version: String(entry.record.version), intent: "save", headline: "Seoul suspends its GSOMIA notice", changeKind: "CORRECTION", correctionType: "OTHER", reason: "A suspension." }));
  const after = await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "Talks resume", occurredOn: "2019-12-16" }));
  ids = { before: before.id, after: after.id };
}, 120_000);

describe("the data package as of an instant", () => {
  it("holds the developments that stood then, in their version then, and says which instant and axis; now it holds both", { timeout: 120_000 }, async () => {
    const response = await download(`?asOf=${encodeURIComponent(between)}&axis=recorded`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`pactwatch-datapackage-as-of-${between.slice(0, 10)}-recorded.zip`);
    const then = unpack(Buffer.from(await response.arrayBuffer()), "then");
    expect(then.descriptor.asOf).toEqual({ instant: between, axis: "recorded" });
    expect(then.descriptor.description).toContain(`as Pactwatch recorded it at ${between}`);
    expect(then.rows.developments!.map((row) => [row.id, row.headline, row.state])).toEqual([[ids.before, "Seoul keeps GSOMIA alive", "PUBLISHED"]]);
    expect(then.rows.citations!.map((row) => row.development_id)).toEqual([ids.before]);
    // The package of then is valid on its own: every citation's source, every development's agreement resolves.
    const dataPackage = await Package.load(path.join(work, "then", "datapackage.json"), { strict: false });
    expect(dataPackage.errors.map((error: Error) => error.message)).toEqual([]);
    for (const resource of dataPackage.resources) await resource.read({ relations: true });

    // The knowledge axis at a date long before: nothing was known; the unversioned tables are as now.
    const known = unpack(Buffer.from(await (await download("?asOf=2001-01-01")).arrayBuffer()), "known");
    expect(known.descriptor.asOf).toEqual({ instant: "2001-01-01T23:59:59.999Z", axis: "known" });
    expect([known.rows.developments, known.rows.citations, known.rows.conditions, known.rows.condition_states]).toEqual([[], [], [], []]);
    expect(known.rows.agreements).toHaveLength(1);

    const now = unpack(Buffer.from(await (await download("")).arrayBuffer()), "now");
    expect(now.descriptor.asOf).toBeUndefined();
    expect(now.rows.developments!.map((row) => row.headline).sort()).toEqual(["Seoul suspends its GSOMIA notice", "Talks resume"]);
    expect(now.rows.citations).toHaveLength(2);
  });

  it("answers an unreadable asOf or axis with a 422 problem", async () => {
    for (const query of ["?asOf=2019-02-30", "?asOf=%00", `?asOf=${between}&axis=sideways`]) {
      const answer = await download(query);
      expect(answer.status, query).toBe(422);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("npm run db:datapackage -- --as-of writes the same package; an unreadable --as-of exits 1 and says why", { timeout: 300_000 }, async () => {
    const output = path.join(work, "command.zip");
    const result = await runCommand("npm", ["run", "--silent", "db:datapackage", "--", "--output", output, "--as-of", between, "--axis", "recorded"], { env: { DATABASE_URL: database.url }, timeoutMs: 280_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`the record as of ${between} (axis recorded)`);
    const fromCommand = unpack(output, "from-command");
    expect(fromCommand.descriptor.asOf).toEqual({ instant: between, axis: "recorded" });
    expect(fromCommand.rows.developments!.map((row) => row.id)).toEqual([ids.before]);
    const refused = await runCommand("npm", ["run", "--silent", "db:datapackage", "--", "--output", path.join(work, "never.zip"), "--as-of", "2019-02-30"], { env: { DATABASE_URL: database.url }, timeoutMs: 120_000 });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--as-of: Give a date");
    expect(fs.existsSync(path.join(work, "never.zip"))).toBe(false);
  });
});
