import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { assertReachable } from "../prisma/tooling/check-connection";
import { startEmbeddedDatabase } from "../prisma/tooling/embedded-database";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-embedded-test-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded database", () => {
  it("keeps its data across a restart and refuses a second process on the same folder", async () => {
    const first = await startEmbeddedDatabase({ dataDir });
    expect(first.isNew).toBe(true);
    await query(first.url, "create table kept (note text); insert into kept values ('still here')");
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toThrow(/in use by process/);
    await first.close();

    const second = await startEmbeddedDatabase({ dataDir });
    expect(second.isNew).toBe(false);
    expect(await query(second.url, "select note from kept")).toEqual([{ note: "still here" }]);
    await second.close();
  });

  it("explains an unreachable server with its address and the fix", async () => {
    await expect(assertReachable("postgresql://postgres@127.0.0.1:1/pactwatch")).rejects.toThrow(
      /cannot reach PostgreSQL at 127\.0\.0\.1:1 \(connection refused\): is it running\? set DATABASE_URL .* unset it to use the embedded database/,
    );
  });
});
