import "server-only";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { AGREEMENT_RECORD_SELECT, agreementFormValues } from "./agreement-record";
import { agreementName } from "../../domain/subject-ref";

/** An agreement as its edit form starts: the values and the version they were read at. */
export async function getAgreementForEdit(actor: TActor, slug: string) {
  assertSignedInCan(actor, "agreement:write");
  const record = await getDatabase().agreement.findUnique({ where: { slug }, select: AGREEMENT_RECORD_SELECT });
  if (!record) throw new AppError("NOT_FOUND", `No agreement is called "${slug}".`);
  return { id: record.id, slug: record.slug, title: agreementName(record), version: record.version, values: agreementFormValues(record) };
}
