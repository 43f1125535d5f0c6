import "server-only";
import { escapeLike } from "../like-pattern";
import { slugify, uniqueSlug } from "../../domain/slug";
import { lockForTransaction, type TTransaction } from "../write-transaction";

/**
 * A new, never reused slug for a title: "gsomia", else "gsomia-2" … Writers creating the same
 * base slug queue on an advisory lock, so two never pick the same one.
 */
export async function newSlug(tx: TTransaction, table: "agreement" | "tradeMeasure", title: string): Promise<string> {
  const base = slugify(title);
  await lockForTransaction(tx, `${table}-slug`, base);
  const prefix = base.slice(0, 40);
  const taken =
    table === "agreement"
      ? await tx.agreement.findMany({ where: { slug: { startsWith: escapeLike(prefix) } }, select: { slug: true } })
      : await tx.tradeMeasure.findMany({ where: { slug: { startsWith: escapeLike(prefix) } }, select: { slug: true } });
  const takenSlugs = new Set(taken.map((row) => row.slug));
  return uniqueSlug(base, (slug) => takenSlugs.has(slug));
}
