import "server-only";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { MEASURE_RECORD_SELECT, measureFormValues } from "./measure-record";

/** A trade measure as its edit form starts: the values and the version they were read at. */
export async function getMeasureForEdit(actor: TActor, slug: string) {
  assertSignedInCan(actor, "measure:write");
  const record = await getDatabase().tradeMeasure.findUnique({ where: { slug }, select: MEASURE_RECORD_SELECT });
  if (!record) throw new AppError("NOT_FOUND", `No trade measure is called "${slug}".`);
  return { id: record.id, slug: record.slug, title: record.title, version: record.version, values: measureFormValues(record) };
}
