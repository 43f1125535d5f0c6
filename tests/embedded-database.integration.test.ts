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
  it("keeps its data across a restart and refuses a second process on the same folder", { timeout: 120_000 }, async () => {
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

  it("keeps each connection's extended-protocol rounds and transactions apart", { timeout: 60_000 }, async () => {
    const server = await startEmbeddedDatabase({ maxConnections: 4 });
    const [a, b] = [new pg.Client({ connectionString: server.url }), new pg.Client({ connectionString: server.url })];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query("create table counted (n int)");
      // Different shapes: were B's Parse to land between A's Parse and Bind, A would bind B's
      // statement (a bind error, or B's rows). A's large parameter makes its Bind arrive in later
      // TCP reads, which is when pglite-socket 0.2.17 alone lets B in (it fails this).
      const large = "x".repeat(300_000);
      const loop = async <T>(run: (i: number) => Promise<T>) => {
        const rows: T[] = [];
        for (let i = 0; i < 60; i++) rows.push(await run(i));
        return rows;
      };
      const [fromA, fromB] = await Promise.all([
        loop(async (i) => (await a.query("select length($1::text) + $2::int as next", [large, i])).rows[0]),
        loop(async (i) => (await b.query("select $1::text as label, $2::int as twice", [`b${i}`, i * 2])).rows[0]),
      ]);
      expect(fromA).toEqual(Array.from({ length: 60 }, (_, i) => ({ next: 300_000 + i })));
      expect(fromB).toEqual(Array.from({ length: 60 }, (_, i) => ({ label: `b${i}`, twice: i * 2 })));

      // A's open transaction is A's alone: B's insert waits for it and is not rolled back with it.
      await a.query("begin");
      await a.query("insert into counted values (1)");
      const bInsert = b.query("insert into counted values ($1)", [2]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await a.query("rollback");
      await bInsert;
      expect((await a.query("select n from counted order by n")).rows).toEqual([{ n: 2 }]);

      // A client that leaves mid-transaction is rolled back and does not hold the session.
      await b.query("begin");
      await b.query("insert into counted values (3)");
      await b.end();
      expect((await a.query("select n from counted order by n")).rows).toEqual([{ n: 2 }]);
    } finally {
      await a.end();
      await b.end().catch(() => {});
      await server.close();
    }
  });

  it("explains an unreachable server with its address and the fix", async () => {
    await expect(assertReachable("postgresql://postgres@127.0.0.1:1/pactwatch")).rejects.toThrow(
      /cannot reach PostgreSQL at 127\.0\.0\.1:1 \(connection refused\): is it running\? set DATABASE_URL .* unset it to use the embedded database/,
    );
  });
});
