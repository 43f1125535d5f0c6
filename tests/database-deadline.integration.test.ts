import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type TDatabase } from "../lib/server/db";
import { isDatabaseUnavailable } from "../lib/server/database-unavailable";
import { runWriteTransaction } from "../lib/server/write-transaction";
import { useTestDatabase } from "./support/test-database";

// The per-query deadline (lib/server/database-deadline.ts) against a database that stops
// answering: a TCP relay in front of the test database that can "freeze", holding every byte
// both ways as a SIGSTOPped server does while its connections stay open. (The real thing, with
// pg_ctlcluster and SIGSTOP, is tests/e2e/database-faults.spec.ts.)

type TRelay = { url: string; freeze(): void; thaw(): void; close(): Promise<void> };

async function relayTo(target: string): Promise<TRelay> {
  const upstream = new URL(target);
  const pairs = new Set<[net.Socket, net.Socket]>();
  let isFrozen = false;
  const server = net.createServer((client) => {
    const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
    const pair: [net.Socket, net.Socket] = [client, server];
    pairs.add(pair);
    client.pipe(server);
    server.pipe(client);
    if (isFrozen) pair.forEach((socket) => socket.pause());
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on("close", close).on("error", close);
    server.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    freeze() {
      isFrozen = true;
      // unpipe, not only pause: pipe() resumes a paused source when its destination drains.
      for (const [client, server] of pairs) {
        client.unpipe(server);
        server.unpipe(client);
        client.pause();
        server.pause();
      }
    },
    thaw() {
      isFrozen = false;
      for (const [client, server] of pairs) {
        client.pipe(server);
        server.pipe(client);
        client.resume();
        server.resume();
      }
    },
    async close() {
      for (const pair of pairs) pair.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const testDatabase = useTestDatabase();
let relay: TRelay;
let db: TDatabase;

beforeAll(async () => {
  relay = await relayTo(testDatabase.url);
  // One connection, so the work after a fault runs on whatever the pool kept from before it.
  db = createDatabase({ url: relay.url, poolSize: 1, connectionTimeoutMillis: 1_000, statementTimeoutMillis: 700, queryTimeoutMillis: 800, applicationName: "pactwatch-deadline-test" });
});

afterAll(async () => {
  await db?.$disconnect();
  await relay?.close();
});

async function failure(work: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await work.then(
    () => new Error("it succeeded"),
    (caught: unknown) => caught,
  );
  return { error, ms: performance.now() - started };
}

const insertParty = (code: string) => `INSERT INTO "Party" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), '${code}', 'Deadline test ${code}', 'STATE', now())`;

describe("a database that stops answering", () => {
  it("fails a query within its deadline, as an outage, and recovers when it answers again", async () => {
    await db.$executeRawUnsafe("SELECT 1");
    relay.freeze();
    const stuck = await failure(db.$executeRawUnsafe("SELECT 1"));
    // The pool's one connection is gone: the next query waits for a new one, which cannot start.
    const waiting = await failure(db.$executeRawUnsafe("SELECT 2"));
    relay.thaw();
    expect(isDatabaseUnavailable(stuck.error), String(stuck.error)).toBe(true);
    expect(stuck.ms).toBeLessThan(3_000);
    expect(isDatabaseUnavailable(waiting.error), String(waiting.error)).toBe(true);
    expect(waiting.ms).toBeLessThan(3_000);
    expect(await db.party.count()).toBeGreaterThanOrEqual(0);
  });

  it("leaves no half-written transaction behind for the next caller to commit", async () => {
    const abandoned = await failure(
      runWriteTransaction(
        async (tx) => {
          await tx.$executeRawUnsafe(insertParty("ZZA"));
          relay.freeze();
          await tx.$executeRawUnsafe("SELECT 1");
        },
        { database: db },
      ),
    );
    relay.thaw();
    expect(isDatabaseUnavailable(abandoned.error), String(abandoned.error)).toBe(true);
    expect(abandoned.ms).toBeLessThan(3_000);
    // pg's own query_timeout would hand the connection back still inside the abandoned
    // transaction, and this commit would commit ZZA with ZZB.
    await runWriteTransaction((tx) => tx.$executeRawUnsafe(insertParty("ZZB")), { database: db });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stored = await testDatabase.db.party.findMany({ where: { code: { in: ["ZZA", "ZZB"] } }, select: { code: true }, orderBy: { code: "asc" } });
    expect(stored.map((row) => row.code)).toEqual(["ZZB"]);
  });
});
