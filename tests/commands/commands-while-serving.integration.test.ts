import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { readServerAddress, writeServerAddress } from "../../prisma/tooling/embedded-address";
import { embeddedLocation, startEmbeddedDatabase } from "../../prisma/tooling/embedded-database";
import { applyMigrations } from "../../prisma/tooling/migrations";
import { appDatabaseUrl } from "../e2e/admin-database";
import { runCommand } from "./run-command";

// Commands reach the embedded database a running `npm start` serves, through the address it
// writes into the data folder (docs/decisions/011); they refuse in one line when something
// that does not serve holds the folder. Always embedded: the subject is the embedded launcher.

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-commands-"));
const location = embeddedLocation(dataRoot);
afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }));

/** A script as its npm script runs it, on this data folder, with no DATABASE_URL. */
function run(script: string, args: string[], input = "") {
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  return runCommand(process.execPath, [tsx, "--conditions=react-server", script, ...args], {
    input,
    env: { DATABASE_URL: "", TEST_DATABASE_URL: "", PACTWATCH_DATA_DIR: dataRoot },
  });
}

async function usersOn(url: string, email: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const users = await client.query(`SELECT email, role::text AS role FROM "User" WHERE email = $1`, [email]);
    const audits = await client.query(
      `SELECT e.action FROM "AuditEvent" e JOIN "User" u ON u.id::text = e."entityId"::text WHERE u.email = $1`,
      [email],
    );
    return { users: users.rows, audits: audits.rows.map((row) => row.action) };
  } finally {
    await client.end();
  }
}

describe("commands while the launcher serves the embedded database", () => {
  it("user:create goes through the running server, which then has the account", { timeout: 180_000 }, async () => {
    // As scripts/start.ts does: open, migrate, then advertise.
    const server = await startEmbeddedDatabase({ dataDir: location.dataDir, maxConnections: 6 });
    try {
      await applyMigrations(server.url);
      server.advertise(location.addressFile);
      const advertised = readServerAddress(location.addressFile);
      expect(advertised).toMatchObject({ host: "127.0.0.1", pid: process.pid });
      expect(server.url).toContain(`127.0.0.1:${advertised?.port}/`);
      expect(fs.statSync(location.addressFile).mode & 0o777).toBe(0o600);
      // The browser journeys' helper finds the same server.
      expect(appDatabaseUrl(dataRoot)).toBe(server.url);

      const created = await run("scripts/user-admin.ts", ["create", "--email", "shell@pactwatch.test", "--role", "analyst"], "a-long-enough-password\n");
      expect(created.stderr).toBe("");
      expect(created.stdout).toContain(`using the embedded database that the running Pactwatch (process ${process.pid}) serves`);
      expect(created.stdout).toContain("created shell@pactwatch.test as analyst");
      expect(created.code).toBe(0);
      expect(await usersOn(server.url, "shell@pactwatch.test")).toEqual({
        users: [{ email: "shell@pactwatch.test", role: "ANALYST" }],
        audits: ["user:create"],
      });

      const promoted = await run("scripts/user-admin.ts", ["set-role", "--email", "shell@pactwatch.test", "--role", "admin"]);
      expect(promoted.code).toBe(0);
      expect((await usersOn(server.url, "shell@pactwatch.test")).users).toEqual([{ email: "shell@pactwatch.test", role: "ADMIN" }]);
    } finally {
      await server.close();
    }
    expect(fs.existsSync(location.addressFile)).toBe(false);
  });

  it("refuses in one line when the folder is held by a process that does not serve it", { timeout: 120_000 }, async () => {
    const holder = await startEmbeddedDatabase({ dataDir: location.dataDir }); // locked, not advertised
    try {
      const refused = await run("scripts/user-admin.ts", ["set-role", "--email", "shell@pactwatch.test", "--role", "reader"]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `[user] the embedded database in ${location.dataDir} is in use by process ${process.pid}, which does not serve it ` +
          "to commands (another command, or npm start still starting up): wait for it to finish and try again\n",
      );

      // The second `npm start` on a busy folder: its message alone, no stack (issue 10 item 10).
      const launcher = await run("scripts/start.ts", ["start"]);
      expect(launcher.code).toBe(1);
      expect(launcher.stderr).toBe(
        `[pactwatch] the embedded database in ${location.dataDir} is in use by process ${process.pid}: ` +
          "stop that Pactwatch first, or set PACTWATCH_DATA_DIR to another folder\n",
      );
    } finally {
      await holder.close();
    }
  });

  it("ignores a stale address (its port closed) and opens the free folder itself", { timeout: 120_000 }, async () => {
    writeServerAddress(location.addressFile, { host: "127.0.0.1", port: 1, pid: process.pid });
    const result = await run("scripts/user-admin.ts", ["create", "--email", "later@pactwatch.test", "--role", "reader"], "another-long-password\n");
    expect(result.stderr).toBe("");
    expect(result.stdout).not.toContain("running Pactwatch");
    expect(result.stdout).toContain("created later@pactwatch.test as reader");
    expect(result.code).toBe(0);
  });
});
