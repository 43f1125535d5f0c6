import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { readDatabase } from "../read-database";
import { assertCan, type TActor } from "../permissions";
import { ZStatusCountRow } from "../rows/overview-rows";
import { parseRows } from "../rows/parse-rows";
import { currentStatusOnlyJoin } from "../status-sql";
import type { TAsOf } from "../as-of-sql";

/** How many agreements and measures are in each current status (null: no status yet), in one round trip. */
export async function countByStatus(actor: TActor, now: Date = new Date(), asOf?: TAsOf) {
  // As of an instant (decision 029) each subject's status is the one derived then from what stood.
  if (asOf) now = asOf.instant;
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  const raw = await database.$queryRaw`
    SELECT 'agreements' AS subject, current."currentStatus" AS status, count(*)::int AS count
    FROM "Agreement" a ${currentStatusOnlyJoin("agreementId", Prisma.sql`a.id`, now, asOf)} GROUP BY 2
    UNION ALL
    SELECT 'measures', current."currentStatus", count(*)::int
    FROM "TradeMeasure" m ${currentStatusOnlyJoin("measureId", Prisma.sql`m.id`, now, asOf)} GROUP BY 2
    ORDER BY 1, 3 DESC, 2`;
  const rows = parseRows(ZStatusCountRow, raw);
  const pick = (subject: (typeof rows)[number]["subject"]) => rows.filter((row) => row.subject === subject).map(({ status, count }) => ({ status, count }));
  return { agreements: pick("agreements"), measures: pick("measures") };
}
