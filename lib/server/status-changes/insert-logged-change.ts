import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import type { TLogStatusChange } from "../../schemas/status-change";
import { effectiveTimeOf } from "../../domain/status-order";
import type { TSignedInActor } from "../permissions";
import type { TTransaction } from "../write-transaction";
import type { TResolvedCitation } from "./resolve-citations";
import type { TStatusChangeSnapshot } from "./status-change-record";

/** The subject of a new development with what its snapshot names (findSubject's row). */
export type TLoggedSubject = { kind: "AGREEMENT" | "MEASURE"; id: string; slug: string; name: string; timeZone: string };

/** A version 7 UUID (48-bit millisecond time, then random bits), as Prisma's @default(uuid(7)) makes them. */
export function uuidV7(at: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(at, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Dates become ISO strings, as the audit log and the revisions keep every other snapshot.
const toJson = (value: unknown) => JSON.stringify(value);

/**
 * Writes a new development, its citations, its audit events ("status-change:log", and
 * "status-change:publish" when published) and, when published, its first revision, in ONE
 * statement (data-modifying CTEs): the write path's round trips inside the transaction go from
 * about twenty to five (decision 023). The snapshot is made here from what was written — the
 * same fields, in the same JSON, as snapshotOf() of the row read back (tests/desk/ compare them).
 */
export async function insertLoggedChange(
  tx: TTransaction,
  actor: TSignedInActor,
  subject: TLoggedSubject,
  input: TLogStatusChange,
  citations: TResolvedCitation[],
): Promise<{ id: string; state: "PUBLISHED" | "DRAFT"; version: number; snapshot: TStatusChangeSnapshot }> {
  const isPublishing = input.intent === "publish";
  const now = new Date();
  const id = uuidV7(now.getTime());
  const state = isPublishing ? ("PUBLISHED" as const) : ("DRAFT" as const);
  const snapshot: TStatusChangeSnapshot = {
    id,
    agreementId: subject.kind === "AGREEMENT" ? subject.id : null,
    measureId: subject.kind === "MEASURE" ? subject.id : null,
    status: input.status,
    headline: input.headline,
    body: input.body,
    occurredAt: input.occurredAt,
    occurredPrecision: input.occurredPrecision,
    timeZone: input.timeZone,
    effectiveAt: input.effectiveAt,
    direction: input.direction,
    state,
    cancelsId: input.cancelsId,
    authorId: actor.id,
    publishedAt: isPublishing ? now : null,
    retractedAt: null,
    retractedById: null,
    retractionReason: null,
    corroborationLevel: null,
    corroborationReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    subject: { kind: subject.kind, slug: subject.slug, name: subject.name, timeZone: subject.timeZone },
    citations: citations.map((citation) => ({
      sourceId: citation.sourceId,
      quote: citation.quote,
      quoteOriginal: citation.quoteOriginal,
      quoteLanguage: citation.quoteLanguage,
      locator: citation.locator,
      credibility: citation.credibility,
      position: citation.position,
      erratum: null,
      erratumAt: null,
      url: citation.source.url,
      title: citation.source.title,
      publisher: citation.source.publisher,
    })),
  };
  const citationRows = citations.map((citation) => ({
    id: uuidV7(now.getTime()),
    sourceId: citation.sourceId,
    quote: citation.quote,
    quoteOriginal: citation.quoteOriginal,
    quoteLanguage: citation.quoteLanguage,
    locator: citation.locator,
    credibility: citation.credibility,
    position: citation.position,
  }));
  const actions = isPublishing ? ["status-change:log", "status-change:publish"] : ["status-change:log"];
  const snapshotJson = toJson(snapshot);
  await tx.$executeRaw(Prisma.sql`
    WITH change AS (
      INSERT INTO "StatusChange" (id, "agreementId", "measureId", status, headline, body, "occurredAt", "occurredPrecision", "timeZone",
        "effectiveAt", "effectiveTime", direction, "cancelsId", "authorId", state, "publishedAt", version, "createdAt", "updatedAt")
      VALUES (${id}::uuid, ${snapshot.agreementId}::uuid, ${snapshot.measureId}::uuid, ${input.status}::"Status", ${input.headline}, ${input.body},
        ${input.occurredAt}, ${input.occurredPrecision}::"DatePrecision", ${input.timeZone}, ${input.effectiveAt}, ${effectiveTimeOf(input)},
        ${input.direction}::"Direction", ${input.cancelsId}::uuid, ${actor.id}::uuid, ${state}::"EntryState", ${snapshot.publishedAt}, 1, ${now}, ${now})
      RETURNING id
    ), cited AS (
      INSERT INTO "Citation" (id, "statusChangeId", "sourceId", quote, "quoteOriginal", "quoteLanguage", locator, credibility, position)
      SELECT c.id, change.id, c."sourceId", c.quote, c."quoteOriginal", c."quoteLanguage", c.locator, c.credibility, c.position
      FROM change, jsonb_to_recordset(${JSON.stringify(citationRows)}::jsonb)
        AS c(id uuid, "sourceId" uuid, quote text, "quoteOriginal" text, "quoteLanguage" text, locator text, credibility int, position int)
    ), audited AS (
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", after)
      SELECT ${actor.id}::uuid, action.name, 'StatusChange', change.id::text, ${snapshotJson}::jsonb
      FROM change, unnest(${actions}::text[]) WITH ORDINALITY AS action(name, position) ORDER BY action.position
    )
    INSERT INTO "Revision" (id, "entityType", "entityId", version, snapshot, "actorId")
    SELECT ${uuidV7(now.getTime())}::uuid, 'StatusChange', change.id, 1, ${snapshotJson}::jsonb, ${actor.id}::uuid FROM change WHERE ${isPublishing}`);
  return { id, state, version: 1, snapshot };
}
