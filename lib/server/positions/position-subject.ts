import "server-only";
import type { TPositionSubject } from "../../schemas/party-position";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import { AppError } from "../errors";
import type { TTransaction } from "../write-transaction";

const PARTIES = { select: { party: { select: { id: true, code: true } } } } as const;
const MEASURE_PARTIES = { imposingParty: { select: { id: true, code: true } }, targets: PARTIES } as const;

export type TPositionSubjectColumns = { agreementId: string | null; measureId: string | null; statusChangeId: string | null };

/**
 * The columns of a position's subject and the parties who can hold a position on it: an
 * agreement's parties, a measure's imposer and targets, or those of a development's subject. A
 * development is locked first (the fixed order: subject, then earlier position, then sources), so
 * a retraction running at the same moment waits, and a retracted one takes no new positions.
 */
export async function resolvePositionSubject(tx: TTransaction, subject: TPositionSubject): Promise<{ columns: TPositionSubjectColumns; parties: { id: string; code: string }[] }> {
  if (subject.kind === "DEVELOPMENT") {
    const [locked] = parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT id FROM "StatusChange" WHERE id = ${subject.id}::uuid FOR NO KEY UPDATE`);
    const development = locked
      ? await tx.statusChange.findUnique({ where: { id: locked.id }, select: { state: true, agreement: { select: { parties: PARTIES } }, measure: { select: MEASURE_PARTIES } } })
      : null;
    if (!development) throw new AppError("NOT_FOUND", "There is no such development: it may have been removed, or the link is wrong.");
    if (development.state === "RETRACTED") throw new AppError("INVALID_INPUT", "This development was retracted: positions can no longer be added to it.", { subject: ["This development was retracted"] });
    const parties = development.agreement
      ? development.agreement.parties.map((row) => row.party)
      : [development.measure!.imposingParty, ...development.measure!.targets.map((row) => row.party)];
    return { columns: { agreementId: null, measureId: null, statusChangeId: subject.id }, parties };
  }
  if (subject.kind === "AGREEMENT") {
    const agreement = await tx.agreement.findUnique({ where: { slug: subject.slug }, select: { id: true, parties: PARTIES } });
    if (!agreement) throw new AppError("INVALID_INPUT", `No agreement is called "${subject.slug}".`, { subject: [`No agreement is called "${subject.slug}": choose one from the list`] });
    return { columns: { agreementId: agreement.id, measureId: null, statusChangeId: null }, parties: agreement.parties.map((row) => row.party) };
  }
  const measure = await tx.tradeMeasure.findUnique({ where: { slug: subject.slug }, select: { id: true, ...MEASURE_PARTIES } });
  if (!measure) throw new AppError("INVALID_INPUT", `No trade measure is called "${subject.slug}".`, { subject: [`No trade measure is called "${subject.slug}": choose one from the list`] });
  return { columns: { agreementId: null, measureId: measure.id, statusChangeId: null }, parties: [measure.imposingParty, ...measure.targets.map((row) => row.party)] };
}

/** The party of a new position: it must be a party to its subject (a bystander's view is not a party's position). */
export function partyOfSubject(parties: { id: string; code: string }[], code: string): string {
  const party = parties.find((candidate) => candidate.code === code);
  if (!party) {
    const codes = parties.map((candidate) => candidate.code).join(", ");
    throw new AppError("INVALID_INPUT", "Only the parties to the subject hold positions on it.", { partyCode: [`Choose one of the parties to it (${codes})`] });
  }
  return party.id;
}
