import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAuditEvent } from "../lib/server/audit/record-audit-event";
import { createDatabase, getDatabase, setReplicaDatabase, type TDatabase } from "../lib/server/db";
import { countByStatus } from "../lib/server/overview/count-by-status";
import { getAgreementForEdit } from "../lib/server/agreements/get-agreement-for-edit";
import { readDatabase } from "../lib/server/read-database";
import { runWriteTransaction } from "../lib/server/write-transaction";
import { createTestUser } from "./support/users";
import { useTestDatabase } from "./support/test-database";

// Which client reading use cases use with DATABASE_REPLICA_URL set (docs/decisions/019). The
// "replica" here is a second client on the same database: only which client is asked matters.

const database = useTestDatabase();
// Known when tests are collected (database.isEmbedded is only set once the database is made).
const isEmbeddedRun = !(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
let replica: TDatabase;

beforeAll(() => {
  replica = database.isEmbedded ? database.db : createDatabase({ url: database.url, poolSize: 1, applicationName: "pactwatch-test-replica" });
});
afterEach(() => setReplicaDatabase(undefined));
afterAll(async () => {
  if (replica !== database.db) await replica.$disconnect();
});

describe("readDatabase", () => {
  it("reads the primary when no replica is configured", async () => {
    setReplicaDatabase(null);
    expect(await readDatabase(null)).toBe(getDatabase());
  });

  it.skipIf(isEmbeddedRun)("sends anonymous readers and actors who did not write lately to the replica", async () => { // skipped embedded: PGlite has no second server to stand in for a replica
    setReplicaDatabase(replica);
    const analyst = await createTestUser(database.db, "ANALYST");
    expect(await readDatabase(null)).toBe(replica);
    expect(await readDatabase(analyst)).toBe(replica);
    // A write a minute ago no longer pins the reads.
    await database.db.auditEvent.create({ data: { actorId: analyst.id, action: "test:old-write", entityType: "User", entityId: analyst.id, at: new Date(Date.now() - 60_000) } });
    expect(await readDatabase({ ...analyst })).toBe(replica);
  });

  it.skipIf(isEmbeddedRun)("keeps a writer on the primary: for the rest of the request and, in any process, for the next few seconds", async () => { // skipped embedded: PGlite has no second server to stand in for a replica
    setReplicaDatabase(replica);
    const analyst = await createTestUser(database.db, "ANALYST");
    expect(await readDatabase(analyst)).toBe(replica);
    await runWriteTransaction((tx) => recordAuditEvent(tx, analyst, { action: "test:write", entityType: "User", entityId: analyst.id }));
    // The same request (the same actor object), decided before the write.
    expect(await readDatabase(analyst)).toBe(database.db);
    // The next request, here or in another process: found in the audit log on the primary.
    expect(await readDatabase({ ...analyst })).toBe(database.db);
    // Someone else is not pinned by it.
    expect(await readDatabase(await createTestUser(database.db, "READER"))).toBe(replica);
  });

  it.skipIf(isEmbeddedRun)("is what reading use cases use, while edit forms (which feed writes) stay on the primary", async () => { // skipped embedded: PGlite has no second server to stand in for a replica
    setReplicaDatabase(replica);
    const onReplica = vi.spyOn(replica, "$queryRaw");
    await countByStatus(null);
    expect(onReplica).toHaveBeenCalled();
    onReplica.mockClear();
    const analyst = await createTestUser(database.db, "ANALYST");
    const onReplicaModels = vi.spyOn(replica.agreement, "findUnique");
    await expect(getAgreementForEdit(analyst, "no-such-agreement")).rejects.toThrow();
    expect(onReplicaModels).not.toHaveBeenCalled();
    expect(onReplica).not.toHaveBeenCalled();
  });
});
