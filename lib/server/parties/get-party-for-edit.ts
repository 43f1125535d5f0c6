import "server-only";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { PARTY_RECORD_SELECT, partyFormValues } from "./party-record";

/** A party as its edit form starts: the values and the version they were read at. */
export async function getPartyForEdit(actor: TActor, code: string) {
  assertSignedInCan(actor, "party:write");
  const record = await getDatabase().party.findUnique({ where: { code: code.toUpperCase() }, select: PARTY_RECORD_SELECT });
  if (!record) throw new AppError("NOT_FOUND", `No party has the code ${code}.`);
  return { id: record.id, code: record.code, name: record.name, version: record.version, values: partyFormValues(record) };
}
