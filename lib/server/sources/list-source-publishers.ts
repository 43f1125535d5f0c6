import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

/** Publishers in the registry, for the filter's suggestions. */
export async function listSourcePublishers(actor: TActor): Promise<string[]> {
  assertSignedInCan(actor, "source:edit");
  const rows = await getDatabase().source.groupBy({ by: ["publisher"], orderBy: { publisher: "asc" }, take: 500 });
  return rows.map((row) => row.publisher);
}
