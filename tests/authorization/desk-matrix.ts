import { randomBytes } from "node:crypto";
import type { TDatabase } from "../../lib/server/db";
import type { TActionEntry, TMatrixContext, TRouteEntry } from "./matrix";

// The desk's rows of the authorisation matrix (tests/authorization/matrix.ts spreads them in):
// for each server action and mutating route, inputs that succeed for a role that holds the
// permission. Records are written straight to the database, so any caller's row can be prepared.

const suffix = () => randomBytes(4).toString("hex");
const CITATION = { url: "https://matrix.example.org/report", title: "Matrix report", publisher: "Matrix Wire", credibility: "3" };

async function parties(db: TDatabase): Promise<{ jpn: string; kor: string }> {
  const ids: string[] = [];
  for (const [code, name] of [["JPN", "Japan"], ["KOR", "South Korea"]] as const) {
    ids.push((await db.party.upsert({ where: { code }, update: {}, create: { code, name, kind: "STATE" } })).id);
  }
  return { jpn: ids[0] as string, kor: ids[1] as string };
}

async function agreement(db: TDatabase): Promise<{ id: string; slug: string }> {
  const { jpn, kor } = await parties(db);
  const slug = `matrix-pact-${suffix()}`;
  const created = await db.agreement.create({
    data: { slug, title: `Matrix pact ${slug}`, kind: "SECURITY", timeZone: "Asia/Seoul", parties: { create: [{ partyId: jpn }, { partyId: kor }] } },
  });
  return { id: created.id, slug };
}

async function measure(db: TDatabase): Promise<{ id: string; slug: string }> {
  const { jpn, kor } = await parties(db);
  const slug = `matrix-measure-${suffix()}`;
  const created = await db.tradeMeasure.create({
    data: { slug, title: `Matrix measure ${slug}`, imposingPartyId: jpn, measureType: "EXPORT_CONTROL", targets: { create: [{ partyId: kor }] } },
  });
  return { id: created.id, slug };
}

/** Two new measures one each way between Japan and South Korea, the KOR one announced a week after the JPN one: a proposed mirror pair. */
async function mirrorProposal(db: TDatabase): Promise<{ originalSlug: string; answerSlug: string }> {
  const { jpn, kor } = await parties(db);
  const make = async (imposer: string, target: string, announcedOn: string) => {
    const slug = `matrix-mirror-${suffix()}`;
    await db.tradeMeasure.create({ data: { slug, title: slug, imposingPartyId: imposer, measureType: "SANCTION", announcedOn: new Date(announcedOn), targets: { create: [{ partyId: target }] } } });
    return slug;
  };
  return { originalSlug: await make(jpn, kor, "2030-01-01"), answerSlug: await make(kor, jpn, "2030-01-08") };
}

/** A status change on a new agreement, cited, in the given state and (for drafts) by the given author. */
async function entry({ db, actor }: TMatrixContext, state: "DRAFT" | "PUBLISHED"): Promise<string> {
  const subject = await agreement(db);
  const source = await db.source.upsert({ where: { url: CITATION.url }, update: {}, create: { url: CITATION.url, title: CITATION.title, publisher: CITATION.publisher } });
  const occurredAt = new Date("2019-11-21T15:00:00Z");
  const created = await db.statusChange.create({
    data: {
      agreementId: subject.id,
      status: "PROVISIONALLY_EXTENDED",
      headline: "Matrix development",
      occurredAt,
      effectiveTime: occurredAt,
      timeZone: "Asia/Seoul",
      state,
      publishedAt: state === "PUBLISHED" ? new Date() : null,
      authorId: actor.id,
      citations: { create: [{ sourceId: source.id, credibility: 3 }] },
    },
  });
  return created.id;
}

/**
 * A draft submitted for review by another analyst (never the actor: nobody approves their own),
 * for the review rows.
 */
async function submission(context: TMatrixContext): Promise<string> {
  const author = await context.db.user.create({ data: { email: `matrix-author-${suffix()}@example.org`, name: "Matrix author", role: "ANALYST" } });
  const statusChangeId = await entry({ db: context.db, actor: { id: author.id, role: "ANALYST", name: author.name, email: author.email } }, "DRAFT");
  const review = await context.db.reviewRequest.create({ data: { statusChangeId, kind: "PUBLICATION", entryVersion: 1, submittedById: author.id } });
  return review.id;
}

/** A published entry and the source it cites, for errata. */
async function citedEntry(context: TMatrixContext): Promise<{ id: string; sourceId: string }> {
  const id = await entry(context, "PUBLISHED");
  const citation = await context.db.citation.findFirstOrThrow({ where: { statusChangeId: id }, select: { sourceId: true } });
  return { id, sourceId: citation.sourceId };
}

const developmentFields = {
  status: "PROVISIONALLY_EXTENDED",
  headline: "GSOMIA extended provisionally",
  occurredOn: "2019-11-22",
  timeZone: "Asia/Seoul",
  direction: "DE_ESCALATION",
};

const agreementFields = (title: string) => ({ title, kind: "SECURITY", "partyCodes[0]": "JPN", "partyCodes[1]": "KOR", timeZone: "Asia/Seoul" });
const measureFields = (title: string) => ({ title, imposingPartyCode: "JPN", "targetPartyCodes[0]": "KOR", measureType: "EXPORT_CONTROL", timeZone: "Asia/Tokyo" });

/** A condition on a published development, holding since 2019, cited. */
async function condition(context: TMatrixContext): Promise<string> {
  const statusChangeId = await entry(context, "PUBLISHED");
  const source = await context.db.source.findUniqueOrThrow({ where: { url: CITATION.url } });
  const occurredAt = new Date("2019-11-21T15:00:00Z");
  const created = await context.db.condition.create({
    data: {
      statusChangeId,
      statement: "Matrix condition",
      authorId: context.actor.id,
      states: { create: [{ state: "HOLDING", occurredAt, timeZone: "Asia/Seoul", citations: { create: [{ sourceId: source.id, credibility: 3 }] } }] },
    },
  });
  return created.id;
}

/** A Japanese position on a new measure (Japan imposes it), cited to the matrix's source. */
async function position(context: TMatrixContext): Promise<string> {
  const { jpn } = await parties(context.db);
  const { id: measureId } = await measure(context.db);
  const source = await context.db.source.upsert({ where: { url: CITATION.url }, update: {}, create: { url: CITATION.url, title: CITATION.title, publisher: CITATION.publisher } });
  const created = await context.db.partyPosition.create({
    data: { partyId: jpn, measureId, speaker: "Matrix minister", quote: "Matrix words", quoteLanguage: "en", statedAt: new Date("2019-07-01T15:00:00Z"), timeZone: "Asia/Tokyo", sourceId: source.id, authorId: context.actor.id },
  });
  return created.id;
}

const positionFields = { speaker: "Matrix minister", quote: "マトリックス", quoteLanguage: "ja", translation: "Matrix", statedOn: "2019-07-02", timeZone: "Asia/Tokyo", "citations[0][url]": CITATION.url, "citations[0][title]": CITATION.title, "citations[0][publisher]": CITATION.publisher };

const conditionStateFields = { occurredOn: "2020-06-02", timeZone: "Asia/Seoul", "citations[0][url]": CITATION.url, "citations[0][credibility]": "3" };

export const DESK_ACTION_MATRIX: Record<string, TActionEntry> = {
  "(desk)/desk/conditions/actions.ts#addConditionAction": {
    input: async (context) => ({ statusChangeId: await entry(context, "PUBLISHED"), statement: "Added by the matrix", state: "HOLDING", ...conditionStateFields }),
  },
  "(desk)/desk/conditions/actions.ts#recordConditionStateAction": {
    input: async (context) => ({ conditionId: await condition(context), version: "1", state: "BREACHED", ...conditionStateFields }),
  },
  "(desk)/desk/positions/actions.ts#addPositionAction": {
    input: async ({ db }) => ({ subject: `measure:${(await measure(db)).slug}`, partyCode: "KOR", ...positionFields }),
  },
  "(desk)/desk/positions/actions.ts#editPositionAction": {
    input: async (context) => ({ id: await position(context), version: "1", ...positionFields }),
  },
  "(desk)/desk/log/actions.ts#logStatusChangeAction": {
    input: async ({ db }) => ({ subject: `agreement:${(await agreement(db)).slug}`, ...developmentFields, intent: "draft" }),
  },
  "(desk)/desk/entries/actions.ts#editStatusChangeAction": {
    input: async (context) => ({
      id: await entry(context, "PUBLISHED"),
      version: "1",
      ...developmentFields,
      headline: "Edited in the matrix",
      changeKind: "CORRECTION",
      correctionType: "WRONG_DATE",
      reason: "Corrected by the matrix",
      "citations[0][url]": CITATION.url,
      "citations[0][credibility]": "3",
      intent: "save",
    }),
  },
  "(desk)/desk/entries/actions.ts#publishStatusChangeAction": {
    input: async (context) => ({ id: await entry(context, "DRAFT"), version: "1" }),
  },
  "(desk)/desk/entries/actions.ts#retractStatusChangeAction": {
    input: async (context) => ({ id: await entry(context, "PUBLISHED"), version: "1", reason: "Retracted by the matrix" }),
  },
  "(desk)/desk/entries/actions.ts#markSourceErratumAction": {
    input: async (context) => ({ ...(await citedEntry(context)), version: "1", erratum: "The source gave the wrong date (matrix)" }),
  },
  "(desk)/desk/entries/actions.ts#judgeCorroborationAction": {
    input: async (context) => ({ id: await entry(context, "PUBLISHED"), version: "1", level: "CORROBORATED", reason: "Judged by the matrix" }),
  },
  "(desk)/desk/review/actions.ts#approveReviewAction": {
    input: async (context) => ({ id: await submission(context), version: "1" }),
  },
  "(desk)/desk/review/actions.ts#returnReviewAction": {
    input: async (context) => ({ id: await submission(context), version: "1", comment: "Returned by the matrix" }),
  },
  "(desk)/desk/sources/actions.ts#searchSourcesAction": { input: async () => ({ q: "matrix" }) },
  "(desk)/desk/agreements/actions.ts#createAgreementAction": {
    input: async ({ db }) => {
      await parties(db);
      return agreementFields(`Matrix agreement ${suffix()}`);
    },
  },
  "(desk)/desk/agreements/actions.ts#updateAgreementAction": {
    input: async ({ db }) => ({ key: (await agreement(db)).slug, version: "1", ...agreementFields("Renamed by the matrix") }),
  },
  "(desk)/desk/measures/actions.ts#createMeasureAction": {
    input: async ({ db }) => {
      await parties(db);
      return measureFields(`Matrix measure ${suffix()}`);
    },
  },
  "(desk)/desk/measures/actions.ts#updateMeasureAction": {
    input: async ({ db }) => ({ key: (await measure(db)).slug, version: "1", ...measureFields("Renamed by the matrix") }),
  },
  "(desk)/desk/relations/actions.ts#confirmMirrorPairAction": {
    input: async ({ db }) => ({ pair: "JPN-KOR", ...(await mirrorProposal(db)), version: "1", note: "Confirmed by the matrix" }),
  },
  "(desk)/desk/relations/actions.ts#dismissMirrorPairAction": {
    input: async ({ db }) => {
      const { originalSlug, answerSlug } = await mirrorProposal(db);
      return { pair: "JPN-KOR", firstSlug: originalSlug, secondSlug: answerSlug, reason: "Dismissed by the matrix" };
    },
  },
  "(desk)/desk/parties/actions.ts#createPartyAction": {
    input: async () => ({ code: `M${suffix().toUpperCase()}`.slice(0, 9), kind: "ORGANIZATION", name: "Matrix organisation" }),
  },
  "(desk)/desk/parties/actions.ts#updatePartyAction": {
    input: async ({ db }) => {
      const code = `M${suffix().toUpperCase()}`.slice(0, 9);
      await db.party.create({ data: { code, name: "Matrix organisation", kind: "ORGANIZATION" } });
      return { key: code, version: "1", name: "Renamed organisation" };
    },
  },
};

export const DESK_ROUTE_MATRIX: Record<string, TRouteEntry> = {
  "POST api/v1/conditions/route.ts": {
    request: async (context) => ({
      body: { statusChangeId: await entry(context, "PUBLISHED"), statement: "Added through the API", state: "HOLDING", occurredOn: "2019-11-22", timeZone: "Asia/Seoul", citations: [CITATION] },
    }),
  },
  "POST api/v1/conditions/[id]/states/route.ts": {
    request: async (context) => ({
      params: { id: await condition(context) },
      body: { version: 1, state: "BREACHED", occurredOn: "2020-06-02", timeZone: "Asia/Seoul", citations: [CITATION] },
    }),
  },
  "POST api/v1/positions/route.ts": {
    request: async (context) => {
      const supersedesId = await position(context);
      const slug = (await context.db.partyPosition.findUniqueOrThrow({ where: { id: supersedesId }, select: { measure: { select: { slug: true } } } })).measure!.slug;
      return { body: { subject: `measure:${slug}`, partyCode: "JPN", supersedesId, supersedesVersion: 1, speaker: "Matrix minister", quote: "Later matrix words", quoteLanguage: "en", statedOn: "2019-08-02", timeZone: "Asia/Tokyo", citations: [CITATION] } };
    },
  },
  "PATCH api/v1/positions/[id]/route.ts": {
    request: async (context) => ({ params: { id: await position(context) }, body: { version: 1, quote: "Corrected matrix words" } }),
  },
  "POST api/v1/status-changes/route.ts": {
    request: async ({ db }) => ({ body: { subject: `agreement:${(await agreement(db)).slug}`, ...developmentFields, intent: "publish", citations: [CITATION] } }),
  },
  "PATCH api/v1/status-changes/[id]/route.ts": {
    request: async (context) => ({ params: { id: await entry(context, "PUBLISHED") }, body: { version: 1, headline: "Edited through the API", changeKind: "CLARIFICATION", reason: "Clarified through the API" } }),
  },
  "POST api/v1/status-changes/[id]/publish/route.ts": {
    request: async (context) => ({ params: { id: await entry(context, "DRAFT") }, body: { version: 1 } }),
  },
  "POST api/v1/status-changes/[id]/retract/route.ts": {
    request: async (context) => ({ params: { id: await entry(context, "PUBLISHED") }, body: { version: 1, reason: "Retracted through the API" } }),
  },
  "POST api/v1/status-changes/[id]/errata/route.ts": {
    request: async (context) => {
      const { id, sourceId } = await citedEntry(context);
      return { params: { id }, body: { version: 1, sourceId, erratum: "The source erred (API matrix)" } };
    },
  },
  "POST api/v1/status-changes/[id]/corroboration/route.ts": {
    request: async (context) => ({ params: { id: await entry(context, "PUBLISHED") }, body: { version: 1, level: "SINGLE_SOURCE", reason: "Judged through the API" } }),
  },
  "POST api/v1/status-changes/[id]/submit/route.ts": {
    request: async (context) => ({ params: { id: await entry(context, "DRAFT") }, body: { version: 1 } }),
  },
  "POST api/v1/reviews/[id]/approve/route.ts": {
    request: async (context) => ({ params: { id: await submission(context) }, body: { version: 1 } }),
  },
  "POST api/v1/reviews/[id]/return/route.ts": {
    request: async (context) => ({ params: { id: await submission(context) }, body: { version: 1, comment: "Returned through the API" } }),
  },
  "POST api/v1/agreements/route.ts": {
    request: async ({ db }) => {
      await parties(db);
      return { body: { title: `API agreement ${suffix()}`, kind: "TRADE", partyCodes: ["JPN", "KOR"], timeZone: "UTC" } };
    },
  },
  "PATCH api/v1/agreements/[slug]/route.ts": {
    request: async ({ db }) => ({ params: { slug: (await agreement(db)).slug }, body: { version: 1, summary: "Summarised through the API" } }),
  },
  "POST api/v1/measures/route.ts": {
    request: async ({ db }) => {
      await parties(db);
      return { body: { title: `API measure ${suffix()}`, imposingPartyCode: "JPN", targetPartyCodes: ["KOR"], measureType: "TARIFF", timeZone: "UTC" } };
    },
  },
  "PATCH api/v1/measures/[slug]/route.ts": {
    request: async ({ db }) => ({ params: { slug: (await measure(db)).slug }, body: { version: 1, products: "Photoresists" } }),
  },
  "POST api/v1/relations/[pair]/mirror/confirmations/route.ts": {
    request: async ({ db }) => ({ params: { pair: "JPN-KOR" }, body: { ...(await mirrorProposal(db)), version: 1, note: "Confirmed through the API" } }),
  },
  "POST api/v1/relations/[pair]/mirror/dismissals/route.ts": {
    request: async ({ db }) => {
      const { originalSlug, answerSlug } = await mirrorProposal(db);
      return { params: { pair: "JPN-KOR" }, body: { firstSlug: originalSlug, secondSlug: answerSlug, reason: "Dismissed through the API" } };
    },
  },
  "POST api/v1/parties/route.ts": {
    request: async () => ({ body: { code: `A${suffix().toUpperCase()}`.slice(0, 9), kind: "ORGANIZATION", name: "API organisation" } }),
  },
  "PATCH api/v1/parties/[code]/route.ts": {
    request: async ({ db }) => {
      const code = `A${suffix().toUpperCase()}`.slice(0, 9);
      await db.party.create({ data: { code, name: "API organisation", kind: "ORGANIZATION" } });
      return { params: { code }, body: { version: 1, aliases: ["Renamed"] } };
    },
  },
  "POST api/v1/sources/route.ts": {
    request: async () => ({ body: { url: `https://matrix.example.org/${suffix()}?utm_source=x`, title: "A source", publisher: "Matrix Wire" } }),
  },
};
