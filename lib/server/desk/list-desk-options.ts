import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

/** The agreements and measures a development can be logged against, for the subject select. */
export async function listSubjectOptions(actor: TActor) {
  assertSignedInCan(actor, "draft:read");
  const database = getDatabase();
  const agreements = await database.agreement.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true, shortName: true, timeZone: true } });
  const measures = await database.tradeMeasure.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true, timeZone: true } });
  return {
    agreements: agreements.map((agreement) => ({
      value: `agreement:${agreement.slug}`,
      slug: agreement.slug,
      label: agreement.shortName ? `${agreement.shortName}: ${agreement.title}` : agreement.title,
      timeZone: agreement.timeZone,
    })),
    measures: measures.map((measure) => ({ value: `measure:${measure.slug}`, slug: measure.slug, label: measure.title, timeZone: measure.timeZone })),
  };
}

export type TSubjectOptions = Awaited<ReturnType<typeof listSubjectOptions>>;

/** Every party, states and organisations, for party selects. */
export async function listPartyOptions(actor: TActor) {
  assertSignedInCan(actor, "draft:read");
  const parties = await getDatabase().party.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true, kind: true } });
  return parties.map((party) => ({ value: party.code, label: `${party.name} (${party.code})`, kind: party.kind }));
}

export type TPartyOption = Awaited<ReturnType<typeof listPartyOptions>>[number];
