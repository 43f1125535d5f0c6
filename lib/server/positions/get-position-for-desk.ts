import "server-only";
import type { TPositionSubject } from "../../schemas/party-position";
import { isRecordId } from "../../schemas/record-id";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { POSITION_RECORD_SELECT } from "./position-record";

/** A position as its desk page shows it (whatever its development's state), from the primary: the edit form's version must be current. */
export async function getPositionForDesk(actor: TActor, id: string) {
  assertSignedInCan(actor, "draft:read");
  const record = isRecordId(id) ? await getDatabase().partyPosition.findUnique({ where: { id }, select: POSITION_RECORD_SELECT }) : null;
  if (!record) throw new AppError("NOT_FOUND", "There is no such position.");
  return record;
}

/** The parties who may hold positions on a subject, for the add form's party choice. */
export async function listSubjectPartiesForDesk(actor: TActor, subject: { agreementSlug?: string; measureSlug?: string; statusChangeId?: string }) {
  assertSignedInCan(actor, "draft:read");
  const db = getDatabase();
  const parties = { select: { party: { select: { code: true, name: true } } } } as const;
  const measureParties = { imposingParty: { select: { code: true, name: true } }, targets: parties } as const;
  type TParty = { code: string; name: string };
  const ofMeasure = (measure: { imposingParty: TParty; targets: { party: TParty }[] }) => [measure.imposingParty, ...measure.targets.map((row) => row.party)];
  if (subject.agreementSlug) {
    const agreement = await db.agreement.findUnique({ where: { slug: subject.agreementSlug }, select: { title: true, shortName: true, parties } });
    return agreement ? { name: agreement.shortName || agreement.title, parties: agreement.parties.map((row) => row.party) } : null;
  }
  if (subject.measureSlug) {
    const measure = await db.tradeMeasure.findUnique({ where: { slug: subject.measureSlug }, select: { title: true, ...measureParties } });
    return measure ? { name: measure.title, parties: ofMeasure(measure) } : null;
  }
  if (!subject.statusChangeId || !isRecordId(subject.statusChangeId)) return null;
  const development = await db.statusChange.findUnique({ where: { id: subject.statusChangeId }, select: { headline: true, agreement: { select: { parties } }, measure: { select: measureParties } } });
  if (!development) return null;
  return { name: development.headline, parties: development.agreement ? development.agreement.parties.map((row) => row.party) : ofMeasure(development.measure!) };
}

/** A subject's positions for the desk, newest first (bounded), each linking to its page to edit or supersede it. */
export async function listSubjectPositionsForDesk(actor: TActor, subject: TPositionSubject) {
  assertSignedInCan(actor, "draft:read");
  const where = subject.kind === "DEVELOPMENT" ? { statusChangeId: subject.id } : subject.kind === "AGREEMENT" ? { agreement: { slug: subject.slug } } : { measure: { slug: subject.slug } };
  return getDatabase().partyPosition.findMany({ where, orderBy: [{ statedAt: "desc" }, { id: "desc" }], take: 200, select: POSITION_RECORD_SELECT });
}
