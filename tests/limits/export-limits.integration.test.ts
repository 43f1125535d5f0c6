import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as csvExport } from "../../app/exports/developments.csv/route";
import { GET as jsonExport } from "../../app/exports/developments.json/route";
import { generateLargeDataset } from "../../prisma/seed/generate-large-dataset";
import { seedStates } from "../../prisma/seed/seed-database";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { createDatabase, setDatabase } from "../../lib/server/db";
import { EXPORT_BATCH_SIZE } from "../../lib/server/exports/export-developments";
import { closeExportDatabase, getExportDatabase } from "../../lib/server/exports/export-database";
import { acquireExportSlot, EXPORT_RETRY_AFTER_SECONDS, type TExportSlot } from "../../lib/server/exports/export-slots";
import { rowsCheckedBy } from "../../lib/server/rows/parse-rows";
import { ZHistoryRow } from "../../lib/server/rows/history-row";
import { readCsvRows } from "../support/csv";
import { requestFrom, useLimitsEnv } from "../support/limits-env";
import { useTestDatabase } from "../support/test-database";
import { createTestUser } from "../support/users";

// Exports at once are counted in PostgreSQL ("ExportLease"), exactly, across database clients
// (app processes); refusals are 429 (this client) or 503 (everyone) with Retry-After; anonymous
// exports are rate-limited per address; and an export reads a batch only when its reader wants one.

const PER_CLIENT = 2;
const TOTAL = 3;
const EXPORTS_PER_MINUTE = 6;
useLimitsEnv({
  EXPORTS_CONCURRENT_PER_CLIENT: String(PER_CLIENT),
  EXPORTS_CONCURRENT_TOTAL: String(TOTAL),
  RATE_LIMIT_EXPORTS_PER_MINUTE: String(EXPORTS_PER_MINUTE),
  EXPORT_STATEMENT_TIMEOUT_MS: "7000",
});
const database = useTestDatabase();
const ORIGIN = "http://pactwatch.test";
const CHANGES = 1_200;
const params = { params: Promise.resolve({}) };

beforeAll(async () => {
  await seedStates(database.db);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await generateLargeDataset(client, { changes: CHANGES, batchSize: 1_200 });
  } finally {
    await client.end();
  }
});

afterAll(() => closeExportDatabase());

const leases = () => database.db.exportLease.count();
const exportFrom = (address: string, path = "/exports/developments.csv?rows=citations") => runAsActor(null, () => csvExport(requestFrom(address, `${ORIGIN}${path}`), params));

async function settle(attempts: Promise<TExportSlot>[]) {
  const settled = await Promise.allSettled(attempts);
  const slots = settled.flatMap((one) => (one.status === "fulfilled" ? [one.value] : []));
  const refusals = settled.flatMap((one) => (one.status === "rejected" ? [one.reason as { code: string; details: { retryAfterSeconds: number } }] : []));
  return { slots, refusals };
}

describe("export slots", () => {
  it("give one client exactly its share when it asks many times at once", async () => {
    const { slots, refusals } = await settle(Array.from({ length: 10 }, () => acquireExportSlot("address:192.0.2.1")));
    expect(slots).toHaveLength(PER_CLIENT);
    expect(refusals).toHaveLength(10 - PER_CLIENT);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS } });
    await Promise.all(slots.map((slot) => slot.release()));
    expect(await leases()).toBe(0);
  });

  it("hold the total exactly across two database clients (two app processes)", async () => {
    const otherProcess = createDatabase({ url: database.url, poolSize: 3 });
    try {
      const attempts: Promise<TExportSlot>[] = [];
      for (let index = 0; index < 12; index++) {
        // runWriteTransaction takes its client synchronously, so each attempt runs on the one set here.
        setDatabase(index % 2 === 0 ? database.db : otherProcess);
        attempts.push(acquireExportSlot(`address:198.51.100.${index}`));
      }
      setDatabase(database.db);
      const { slots, refusals } = await settle(attempts);
      expect(slots).toHaveLength(TOTAL);
      expect(await leases()).toBe(TOTAL);
      for (const refusal of refusals) expect(refusal).toMatchObject({ code: "UNAVAILABLE", details: { retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS } });
      // A released slot is free again at once, for anyone.
      await slots[0]!.release();
      const next = await acquireExportSlot("address:198.51.100.99");
      await Promise.all([...slots, next].map((slot) => slot.release()));
      expect(await leases()).toBe(0);
    } finally {
      setDatabase(database.db);
      await otherProcess.$disconnect();
    }
  });

  it("stop counting a lease its crashed holder left behind once it lapses", async () => {
    await database.db.$executeRaw`INSERT INTO "ExportLease" (id, client, "expiresAt") SELECT gen_random_uuid(), 'address:203.0.113.9', now() - interval '1 second' FROM generate_series(1, ${TOTAL})`;
    const slot = await acquireExportSlot("address:203.0.113.9");
    // The lapsed rows were swept when the slot was taken.
    expect(await leases()).toBe(1);
    await slot.release();
  });
});

describe("export routes", () => {
  it("refuse a client's extra exports with 429 and everyone's beyond the total with 503, each with Retry-After", async () => {
    const sameClient = await Promise.all(Array.from({ length: 5 }, () => exportFrom("192.0.2.50")));
    expect(sameClient.filter((response) => response.status === 200)).toHaveLength(PER_CLIENT);
    const tooMany = sameClient.filter((response) => response.status === 429);
    expect(tooMany).toHaveLength(5 - PER_CLIENT);
    for (const response of tooMany) {
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("retry-after")).toBe(String(EXPORT_RETRY_AFTER_SECONDS));
      expect(((await response.json()) as { detail: string }).detail).toMatch(/only 2 may run at once/);
    }
    // The other client may start one more (the total is 3); a third client is refused with 503.
    const others = await Promise.all([exportFrom("192.0.2.51"), exportFrom("192.0.2.52", "/exports/developments.json")]);
    expect(others.map((response) => response.status).sort()).toEqual([200, 503]);
    const busy = others.find((response) => response.status === 503)!;
    expect(busy.headers.get("retry-after")).toBe(String(EXPORT_RETRY_AFTER_SECONDS));
    expect(((await busy.json()) as { detail: string }).detail).toContain("as many exports as it allows at once (3)");
    expect(await leases()).toBe(TOTAL);
    // Reading an export to its end, or walking away from it, gives its slot back.
    const running = [...sameClient, ...others].filter((response) => response.status === 200);
    await running[0]!.text();
    await running[1]!.body!.cancel();
    await running[2]!.arrayBuffer();
    expect(await leases()).toBe(0);
  });

  it("rate-limit anonymous exports per address, not signed-in ones", async () => {
    const statuses: number[] = [];
    for (let index = 0; index <= EXPORTS_PER_MINUTE; index++) {
      const response = await exportFrom("192.0.2.60", "/exports/developments.json?agreement=nope");
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(50);
        expect(((await response.json()) as { detail: string }).detail).toMatch(/^Too many exports from your address \(6 a minute without signing in\)\. Try again in \d+ s\.$/);
      } else {
        await response.text();
      }
    }
    expect(statuses).toEqual([...Array(EXPORTS_PER_MINUTE).fill(200), 429]);
    const reader = await createTestUser(database.db, "READER");
    for (let index = 0; index <= EXPORTS_PER_MINUTE; index++) {
      const response = await runAsActor(reader, () => jsonExport(requestFrom("192.0.2.60", `${ORIGIN}/exports/developments.json?agreement=nope`), params));
      expect(response.status).toBe(200);
      await response.text();
    }
  });
});

describe("export streaming", () => {
  it("reads a batch only when its reader wants one, on the export pool with its statement timeout", async () => {
    const before = rowsCheckedBy(ZHistoryRow);
    const response = await exportFrom("192.0.2.70");
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read(); // the header row
    await reader.read(); // the first batch
    const afterOne = rowsCheckedBy(ZHistoryRow) - before;
    expect(afterOne).toBe(EXPORT_BATCH_SIZE + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing was read ahead while the reader waited.
    expect(rowsCheckedBy(ZHistoryRow) - before).toBe(afterOne);
    await reader.read();
    expect(rowsCheckedBy(ZHistoryRow) - before).toBe(2 * (EXPORT_BATCH_SIZE + 1));
    await reader.cancel();
    expect(await leases()).toBe(0);
    if (!database.isEmbedded) {
      // PGlite has no statement timeout to set; a server does.
      const [setting] = await getExportDatabase().$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
      expect(setting!.statement_timeout).toBe("7s");
    }
  });

  it("gives the whole history, one row per citation, when read to the end", async () => {
    const response = await exportFrom("192.0.2.71");
    expect(response.status).toBe(200);
    const rows = readCsvRows(await response.text());
    const [{ citations }] = await database.db.$queryRaw<[{ citations: bigint }]>`
      SELECT count(*) AS citations FROM "Citation" c JOIN "StatusChange" sc ON sc.id = c."statusChangeId" WHERE sc.state IN ('PUBLISHED', 'RETRACTED')`;
    expect(rows.length - 1).toBe(Number(citations));
    expect(Number(citations)).toBeGreaterThan(10 * EXPORT_BATCH_SIZE);
    expect(await leases()).toBe(0);
  });
});
