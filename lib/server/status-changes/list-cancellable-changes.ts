import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

/** Published changes of one subject that carry an effective date: what a new development may cancel. */
export async function listCancellableChanges(actor: TActor, subject: { kind: "AGREEMENT" | "MEASURE"; slug: string }) {
  assertSignedInCan(actor, "status-change:log");
  return getDatabase().statusChange.findMany({
    where: {
      state: "PUBLISHED",
      effectiveAt: { not: null },
      ...(subject.kind === "AGREEMENT" ? { agreement: { slug: subject.slug } } : { measure: { slug: subject.slug } }),
    },
    orderBy: { effectiveTime: "desc" },
    take: 50,
    select: { id: true, status: true, headline: true, effectiveAt: true, timeZone: true },
  });
}
