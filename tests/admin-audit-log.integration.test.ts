import { beforeAll, describe, expect, it } from "vitest";
import { ZAuditFilters } from "../lib/schemas/audit";
import { exportAuditEventsCsv } from "../lib/server/audit/export-audit-events-csv";
import { listAuditEvents } from "../lib/server/audit/list-audit-events";
import type { TSignedInActor } from "../lib/server/permissions";
import { readCsvRecords } from "./support/csv";
import { useTestDatabase } from "./support/test-database";
import { createTestUser } from "./support/users";

const database = useTestDatabase();
let admin: TSignedInActor;
let otherAdmin: TSignedInActor;
const entityId = "0190e000-0000-7000-8000-0000000000aa";

beforeAll(async () => {
  admin = await createTestUser(database.db, "ADMIN");
  otherAdmin = await createTestUser(database.db, "ADMIN", { name: "=SUM(1+1)" });
  const rows = [];
  for (let index = 0; index < 30; index++) {
    rows.push({
      at: new Date(Date.UTC(2024, 0, 1 + index, 12)),
      actorId: index % 3 === 0 ? null : index % 3 === 1 ? admin.id : otherAdmin.id,
      action: index % 2 ? "source:grade" : "user:role-change",
      entityType: index % 2 ? "Source" : "User",
      entityId: index < 5 ? entityId : `entity-${index}`,
      before: { value: index - 1 },
      after: { value: index, note: "plain, with \"quotes\"\nand a line" },
    });
  }
  // Two events in one transaction share their time; the pages must still neither skip nor repeat.
  rows.push({ ...rows[10]!, entityId: "same-instant" });
  await database.db.auditEvent.createMany({ data: rows });
});


const filters = (overrides: Record<string, string> = {}) => ZAuditFilters.parse(overrides);

async function allPages(overrides: Record<string, string>, pageSize: number) {
  const ids: string[] = [];
  let before = "";
  for (;;) {
    const page = await listAuditEvents(admin, filters({ ...overrides, before }), { pageSize });
    ids.push(...page.events.map((event) => event.id));
    if (!page.nextCursor) return ids;
    before = page.nextCursor;
  }
}

describe("the audit log", () => {
  it("pages newest first by keyset, without skipping or repeating events that share an instant", async () => {
    const everything = await database.db.auditEvent.findMany({ where: { at: { lt: new Date("2025-01-01") } }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(await allPages({ to: "2024-12-31" }, 4)).toEqual(everything.map((event) => event.id.toString()));
  });

  it("filters by actor (or the system), entity, action or action family, and time", async () => {
    const actorPage = await listAuditEvents(admin, filters({ actor: admin.id, to: "2024-12-31" }));
    expect(actorPage.events).toHaveLength(11);
    expect(actorPage.events.every((event) => event.actor?.id === admin.id)).toBe(true);
    expect((await listAuditEvents(admin, filters({ actor: "system", to: "2024-12-31" }))).events.every((event) => event.actor === null)).toBe(true);
    expect((await listAuditEvents(admin, filters({ entityType: "Source", entityId }))).events.map((event) => event.after)).toEqual([
      { value: 3, note: expect.any(String) },
      { value: 1, note: expect.any(String) },
    ]);
    expect((await listAuditEvents(admin, filters({ action: "source:", to: "2024-12-31" }))).events).toHaveLength(15);
    expect((await listAuditEvents(admin, filters({ action: "source:grade", to: "2024-12-31" }))).events).toHaveLength(15);
    expect((await listAuditEvents(admin, filters({ action: "source:gr", to: "2024-12-31" }))).events).toHaveLength(0);
    const january = await listAuditEvents(admin, filters({ from: "2024-01-03", to: "2024-01-05" }));
    expect(january.events.map((event) => event.at.toISOString().slice(0, 10))).toEqual(["2024-01-05", "2024-01-04", "2024-01-03"]);
    const minute = await listAuditEvents(admin, filters({ from: "2024-01-03T12:00", to: "2024-01-03T12:00" }));
    expect(minute.events).toHaveLength(1);
  });

  it("is for admins only", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    await expect(listAuditEvents(analyst, filters())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(() => exportAuditEventsCsv(analyst, filters())).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => exportAuditEventsCsv(null, filters())).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });

  it("exports the filtered log as CSV, streamed in batches, formulas defused", async () => {
    for (let batch = 0; batch < 3; batch++) {
      await database.db.auditEvent.createMany({
        data: Array.from({ length: 500 }, (_, index) => ({ action: "bulk:test", entityType: "Bulk", entityId: `bulk-${batch}-${index}`, after: { index } })),
      });
    }
    const text = await new Response(exportAuditEventsCsv(admin, filters({ action: "bulk:test" }))).text();
    const rows = readCsvRecords(text);
    expect(rows).toHaveLength(1500);
    expect(new Set(rows.map((row) => row.entity_id)).size).toBe(1500);
    expect(rows[0]).toMatchObject({ actor_email: "system", action: "bulk:test", entity_type: "Bulk" });

    const sources = readCsvRecords(await new Response(exportAuditEventsCsv(admin, filters({ action: "source:grade", to: "2024-12-31" }))).text());
    expect(Object.keys(sources[0]!)).toEqual(["id", "at", "actor_email", "actor_name", "action", "entity_type", "entity_id", "before", "after"]);
    expect(sources).toHaveLength(15);
    const withLineBreak = sources.find((row) => JSON.parse(row.after!).value === 9)!;
    expect(JSON.parse(withLineBreak.after!)).toEqual({ value: 9, note: "plain, with \"quotes\"\nand a line" });
    // A name a spreadsheet would run as a formula is exported as text.
    expect(sources.filter((row) => row.actor_email === otherAdmin.email).map((row) => row.actor_name)).toContain("'=SUM(1+1)");
  });
});
