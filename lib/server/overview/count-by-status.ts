import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { Status } from "../../generated/prisma/enums";
import { getDatabase } from "../db";
import { assertCan, type TActor } from "../permissions";
import { currentStatusOnlyJoin } from "../status-sql";

type TRow = { subject: "agreements" | "measures"; status: Status | null; count: number };

/** How many agreements and measures are in each current status (null: no status yet), in one round trip. */
export async function countByStatus(actor: TActor, now: Date = new Date()) {
  assertCan(actor, "published:read");
  const rows = await getDatabase().$queryRaw<TRow[]>`
    SELECT 'agreements' AS subject, current."currentStatus" AS status, count(*)::int AS count
    FROM "Agreement" a ${currentStatusOnlyJoin("agreementId", Prisma.sql`a.id`, now)} GROUP BY 2
    UNION ALL
    SELECT 'measures', current."currentStatus", count(*)::int
    FROM "TradeMeasure" m ${currentStatusOnlyJoin("measureId", Prisma.sql`m.id`, now)} GROUP BY 2
    ORDER BY 1, 3 DESC, 2`;
  const pick = (subject: TRow["subject"]) => rows.filter((row) => row.subject === subject).map(({ status, count }) => ({ status, count }));
  return { agreements: pick("agreements"), measures: pick("measures") };
}
