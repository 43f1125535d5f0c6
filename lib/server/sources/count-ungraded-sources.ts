import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";
import { adminSourceWhere } from "./list-sources-for-admin";

/** How many live sources still carry the default grade F without a reason, and how many of them are cited. */
export async function countUngradedSources(actor: TActor) {
  assertSignedInCan(actor, "source:grade");
  const filters = { q: "", publisher: "", kind: "any", grade: "ungraded", state: "live", cited: "any" } as const;
  const database = getDatabase();
  const [total, cited] = await Promise.all([
    database.source.count({ where: adminSourceWhere(filters) }),
    database.source.count({ where: adminSourceWhere({ ...filters, cited: "cited" }) }),
  ]);
  return { total, cited };
}
