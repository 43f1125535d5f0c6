import "server-only";
import { nextNoticeDeadline, isNoticeDeadlineRelevant } from "../../domain/deadlines";
import { deriveStatus } from "../../domain/status-derivation";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { HISTORY_ENTRY_SELECT, HISTORY_ORDER } from "../history-select";
import { assertCan, type TActor } from "../permissions";

/** An agreement with its parties, terms, derived status, deadlines and published history. */
export async function getAgreement(actor: TActor, slug: string, now: Date = new Date()) {
  assertCan(actor, "published:read");
  const agreement = await getDatabase().agreement.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      shortName: true,
      kind: true,
      summary: true,
      signedOn: true,
      inForceOn: true,
      termMonths: true,
      autoRenews: true,
      noticeDays: true,
      timeZone: true,
      parties: { select: { party: { select: { code: true, name: true } } }, orderBy: { party: { name: "asc" } } },
      statusChanges: {
        where: { state: { in: ["PUBLISHED", "RETRACTED"] } },
        orderBy: [...HISTORY_ORDER],
        select: HISTORY_ENTRY_SELECT,
      },
      linksFrom: { select: { type: true, note: true, toMeasure: { select: { slug: true, title: true } } } },
      linksTo: { select: { type: true, note: true, fromMeasure: { select: { slug: true, title: true } } } },
    },
  });
  if (!agreement) throw new AppError("NOT_FOUND", `no agreement is called "${slug}"`);

  const status = deriveStatus(agreement.statusChanges, now);
  const noticeDeadline =
    agreement.inForceOn && isNoticeDeadlineRelevant(status.current?.status ?? null)
      ? nextNoticeDeadline(
          {
            inForceOn: agreement.inForceOn.toISOString().slice(0, 10),
            termMonths: agreement.termMonths,
            autoRenews: agreement.autoRenews,
            noticeDays: agreement.noticeDays,
            timeZone: agreement.timeZone,
          },
          now,
        )
      : null;
  const relatedMeasures = [
    ...agreement.linksFrom.flatMap((link) => (link.toMeasure ? [{ ...link.toMeasure, type: link.type, note: link.note }] : [])),
    ...agreement.linksTo.flatMap((link) => (link.fromMeasure ? [{ ...link.fromMeasure, type: link.type, note: link.note }] : [])),
  ];
  const { statusChanges, linksFrom: _from, linksTo: _to, parties, ...fields } = agreement;
  return {
    ...fields,
    parties: parties.map(({ party }) => party),
    status,
    noticeDeadline,
    history: statusChanges,
    relatedMeasures,
  };
}

export type TAgreementPage = Awaited<ReturnType<typeof getAgreement>>;
