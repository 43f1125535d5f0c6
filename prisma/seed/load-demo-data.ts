import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { canonicalizeUrl } from "../../lib/domain/canonical-url";
import { recordAuditEvent } from "../../lib/server/audit/record-audit-event";
import { runWriteTransaction } from "../../lib/server/write-transaction";
import { parsePartialDate, startOfLocalPeriod } from "../../lib/domain/dates";
import type { TDemoChange, TDemoDataset } from "./types";
import type { TDemoCondition } from "./demo-conditions";
import type { TDemoPosition } from "./demo-positions";
import { POSITION_RECORD_SELECT, positionSnapshot } from "../../lib/server/positions/position-record";
import { CONDITION_RECORD_SELECT, conditionSnapshot } from "../../lib/server/conditions/condition-record";
import { effectiveTimeOf } from "../../lib/domain/status-order";
import { markDemoErrata } from "./demo-errata";

type TTransaction = Prisma.TransactionClient;
type TProgress = (message: string) => void;

/** Loads the demo dataset in one transaction; does nothing when its agreements already exist. */
export async function loadDemoData(
  database: PrismaClient,
  dataset: TDemoDataset,
  onProgress: TProgress = () => {},
): Promise<{ loaded: boolean; changes: number; sources: number }> {
  const slugs = dataset.agreements.map((agreement) => agreement.slug);
  const existing = await database.agreement.count({ where: { slug: { in: slugs } } });
  if (existing > 0) return { loaded: false, changes: 0, sources: 0 };

  let changeCount = 0;
  await runWriteTransaction(
    async (tx) => {
      const sourceIds = await createSources(tx, dataset, onProgress);
      const partyIds = await partyIdsByCode(tx, dataset);
      const subjectIds = new Map<string, { agreementId?: string; measureId?: string }>();
      const changeIds = new Map<string, string>();

      for (const agreement of dataset.agreements) {
        const created = await tx.agreement.create({
          data: {
            slug: agreement.slug,
            title: agreement.title,
            shortName: agreement.shortName ?? null,
            kind: agreement.kind,
            signedOn: agreement.signedOn ? new Date(`${agreement.signedOn}T00:00:00Z`) : null,
            inForceOn: agreement.inForceOn ? new Date(`${agreement.inForceOn}T00:00:00Z`) : null,
            termMonths: agreement.termMonths ?? null,
            autoRenews: agreement.autoRenews,
            noticeDays: agreement.noticeDays ?? null,
            timeZone: agreement.timeZone,
            summary: agreement.summary,
            parties: { create: agreement.parties.map((code) => ({ partyId: requireParty(partyIds, code) })) },
          },
        });
        subjectIds.set(agreement.slug, { agreementId: created.id });
        await recordAuditEvent(tx, null, { action: "agreement:create", entityType: "Agreement", entityId: created.id, after: created });
        changeCount += await createChanges(tx, { agreementId: created.id }, agreement.changes, sourceIds, changeIds);
        onProgress(`agreement ${agreement.shortName ?? agreement.slug}: ${agreement.changes.length} developments`);
      }

      for (const measure of dataset.measures) {
        const created = await tx.tradeMeasure.create({
          data: {
            slug: measure.slug,
            title: measure.title,
            imposingPartyId: requireParty(partyIds, measure.imposing),
            measureType: measure.measureType,
            products: measure.products,
            hsCodes: measure.hsCodes,
            announcedOn: measure.announcedOn ? new Date(`${measure.announcedOn}T00:00:00Z`) : null,
            effectiveOn: measure.effectiveOn ? new Date(`${measure.effectiveOn}T00:00:00Z`) : null,
            timeZone: measure.timeZone,
            summary: measure.summary,
            targets: { create: measure.targets.map((code) => ({ partyId: requireParty(partyIds, code) })) },
          },
        });
        subjectIds.set(measure.slug, { measureId: created.id });
        await recordAuditEvent(tx, null, { action: "measure:create", entityType: "TradeMeasure", entityId: created.id, after: created });
        changeCount += await createChanges(tx, { measureId: created.id }, measure.changes, sourceIds, changeIds);
        onProgress(`measure ${measure.slug}: ${measure.changes.length} developments`);
      }

      for (const link of dataset.links) {
        const from = subjectIds.get(link.from);
        const to = subjectIds.get(link.to);
        if (!from || !to) throw new Error(`demo link ${link.from} → ${link.to} names an unknown slug`);
        const created = await tx.link.create({
          data: {
            type: link.type,
            note: link.note,
            fromAgreementId: from.agreementId ?? null,
            fromMeasureId: from.measureId ?? null,
            toAgreementId: to.agreementId ?? null,
            toMeasureId: to.measureId ?? null,
          },
        });
        await recordAuditEvent(tx, null, { action: "link:create", entityType: "Link", entityId: created.id, after: created });
      }
      await createDemoConditions(tx, dataset.conditions ?? [], { changeIds, subjectIds, sourceIds });
      onProgress(`${dataset.conditions?.length ?? 0} conditions`);
      await createDemoPositions(tx, dataset.positions ?? [], { partyIds, subjectIds, sourceIds });
      onProgress(`${dataset.positions?.length ?? 0} positions`);
    },
    { database, timeout: 120_000 },
  );
  return { loaded: true, changes: changeCount, sources: dataset.sources.length };
}

async function createSources(tx: TTransaction, dataset: TDemoDataset, onProgress: TProgress) {
  const ids = new Map<string, string>();
  for (const source of dataset.sources) {
    const canonical = canonicalizeUrl(source.url);
    if (!canonical.ok) throw new Error(`demo source ${source.key}: ${canonical.reason}`);
    const created = await tx.source.create({
      data: {
        url: canonical.url,
        title: source.title,
        publisher: source.publisher,
        authors: source.authors,
        publishedAt: toInstant(source.publishedAt, "UTC"),
        // A time of day in the stored copy makes the publication an instant (knowledge time, decision 029).
        publishedPrecision: source.publishedAt.includes("T") ? "INSTANT" : "DAY",
        kind: source.kind,
        language: source.language,
        reliability: source.reliability,
        reliabilityNote: source.reliabilityNote ?? null,
        publisherGroup: source.publisherGroup ?? null,
      },
    });
    ids.set(source.key, created.id);
    await recordAuditEvent(tx, null, { action: "source:create", entityType: "Source", entityId: created.id, after: created });
  }
  onProgress(`${dataset.sources.length} sources`);
  return ids;
}

async function createChanges(
  tx: TTransaction,
  subject: { agreementId?: string; measureId?: string },
  changes: TDemoChange[],
  sourceIds: Map<string, string>,
  allIdsByKey: Map<string, string> = new Map(),
): Promise<number> {
  const idsByKey = new Map<string, string>();
  const publishedAt = new Date();
  for (const change of changes) {
    const period = parsePartialDate(change.occurredOn);
    if (!period.ok) throw new Error(`demo change ${change.key}: ${period.reason}`);
    const occurredAt = startOfLocalPeriod(period.date, change.timeZone);
    const effectiveAt = change.effectiveAt ? new Date(change.effectiveAt) : null;
    const cancelsId = change.cancels ? idsByKey.get(change.cancels) : undefined;
    if (change.cancels && !cancelsId) throw new Error(`demo change ${change.key} cancels unknown ${change.cancels}`);
    const created = await tx.statusChange.create({
      data: {
        ...subject,
        status: change.status,
        headline: change.headline,
        body: change.body,
        occurredAt,
        occurredPrecision: period.date.precision,
        timeZone: change.timeZone,
        effectiveAt,
        effectiveTime: effectiveTimeOf({ effectiveAt, occurredAt }),
        direction: change.direction,
        state: "PUBLISHED",
        publishedAt,
        cancelsId: cancelsId ?? null,
        citations: {
          create: change.citations.map((citation, position) => {
            const sourceId = sourceIds.get(citation.source);
            if (!sourceId) throw new Error(`demo change ${change.key} cites unknown source ${citation.source}`);
            return {
              sourceId,
              quote: citation.quote ?? null,
              quoteOriginal: citation.quoteOriginal ?? null,
              quoteLanguage: citation.quoteLanguage ?? null,
              locator: citation.locator ?? null,
              credibility: citation.credibility,
              position,
            };
          }),
        },
      },
      include: { citations: true },
    });
    idsByKey.set(change.key, created.id);
    allIdsByKey.set(change.key, created.id);
    await recordAuditEvent(tx, null, { action: "status-change:publish", entityType: "StatusChange", entityId: created.id, after: created });
    await markDemoErrata(tx, created.id, change, sourceIds);
  }
  return changes.length;
}

/** The demo conditions with their states and citations, a revision and an audit event each. */
async function createDemoConditions(
  tx: TTransaction,
  conditions: TDemoCondition[],
  ids: { changeIds: Map<string, string>; subjectIds: Map<string, { agreementId?: string; measureId?: string }>; sourceIds: Map<string, string> },
): Promise<void> {
  for (const condition of conditions) {
    const statusChangeId = ids.changeIds.get(condition.change);
    if (!statusChangeId) throw new Error(`demo condition "${condition.statement}" names an unknown development ${condition.change}`);
    const dependsOn = condition.dependsOn ? ids.subjectIds.get(condition.dependsOn) : {};
    if (!dependsOn) throw new Error(`demo condition "${condition.statement}" depends on an unknown slug ${condition.dependsOn}`);
    const created = await tx.condition.create({
      data: {
        statusChangeId,
        statement: condition.statement,
        dependsOnAgreementId: dependsOn.agreementId ?? null,
        dependsOnMeasureId: dependsOn.measureId ?? null,
        // Loaded in one save, so one version, whatever the length of its history.
        version: 1,
        states: {
          create: condition.states.map((state) => {
            const period = parsePartialDate(state.occurredOn);
            if (!period.ok) throw new Error(`demo condition state ${state.occurredOn}: ${period.reason}`);
            return {
              state: state.state,
              note: state.note,
              occurredAt: startOfLocalPeriod(period.date, state.timeZone),
              occurredPrecision: period.date.precision,
              timeZone: state.timeZone,
              citations: {
                create: state.citations.map((citation, position) => {
                  const sourceId = ids.sourceIds.get(citation.source);
                  if (!sourceId) throw new Error(`demo condition cites an unknown source ${citation.source}`);
                  return { sourceId, quote: citation.quote ?? null, quoteOriginal: citation.quoteOriginal ?? null, quoteLanguage: citation.quoteLanguage ?? null, locator: citation.locator ?? null, credibility: citation.credibility, position };
                }),
              },
            };
          }),
        },
      },
      select: CONDITION_RECORD_SELECT,
    });
    const snapshot = conditionSnapshot(created);
    await tx.revision.create({ data: { entityType: "Condition", entityId: created.id, version: created.version, snapshot: JSON.parse(JSON.stringify(snapshot)) } });
    await recordAuditEvent(tx, null, { action: "condition:add", entityType: "Condition", entityId: created.id, after: snapshot });
  }
}

/** The demo positions, in order (a superseding one after the one it replaces), a revision and an audit event each. */
async function createDemoPositions(
  tx: TTransaction,
  positions: TDemoPosition[],
  ids: { partyIds: Map<string, string>; subjectIds: Map<string, { agreementId?: string; measureId?: string }>; sourceIds: Map<string, string> },
): Promise<void> {
  const positionIds = new Map<string, string>();
  for (const position of positions) {
    const subject = ids.subjectIds.get(position.subject);
    const sourceId = ids.sourceIds.get(position.source);
    const partyId = ids.partyIds.get(position.party);
    const supersedesId = position.supersedes ? positionIds.get(position.supersedes) : null;
    if (!subject || !sourceId || !partyId || supersedesId === undefined) throw new Error(`demo position ${position.key} names an unknown subject, source, party or earlier position`);
    const period = parsePartialDate(position.statedOn);
    if (!period.ok) throw new Error(`demo position ${position.key}: ${period.reason}`);
    const created = await tx.partyPosition.create({
      data: {
        partyId,
        agreementId: subject.agreementId ?? null,
        measureId: subject.measureId ?? null,
        speaker: position.speaker,
        quote: position.quote,
        quoteLanguage: position.quoteLanguage,
        translation: position.translation ?? null,
        translationLanguage: position.translation ? "en" : null,
        translationNote: position.translationNote ?? null,
        statedAt: startOfLocalPeriod(period.date, position.timeZone),
        statedPrecision: period.date.precision,
        timeZone: position.timeZone,
        sourceId,
        locator: position.locator ?? null,
        supersedesId,
      },
      select: POSITION_RECORD_SELECT,
    });
    positionIds.set(position.key, created.id);
    const snapshot = positionSnapshot(created);
    await tx.revision.create({ data: { entityType: "PartyPosition", entityId: created.id, version: created.version, snapshot: JSON.parse(JSON.stringify(snapshot)) } });
    await recordAuditEvent(tx, null, { action: supersedesId ? "position:supersede" : "position:add", entityType: "PartyPosition", entityId: created.id, after: snapshot });
  }
}

async function partyIdsByCode(tx: TTransaction, dataset: TDemoDataset) {
  const codes = new Set([
    ...dataset.agreements.flatMap((agreement) => agreement.parties),
    ...dataset.measures.flatMap((measure) => [measure.imposing, ...measure.targets]),
  ]);
  const parties = await tx.party.findMany({ where: { code: { in: [...codes] } }, select: { id: true, code: true } });
  return new Map(parties.map((party) => [party.code, party.id]));
}

function requireParty(ids: Map<string, string>, code: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`party ${code} is missing: load the ISO states first (seedParties)`);
  return id;
}

function toInstant(value: string, timeZone: string): Date {
  if (value.includes("T")) return new Date(value);
  const period = parsePartialDate(value);
  if (!period.ok) throw new Error(`demo date ${value}: ${period.reason}`);
  return startOfLocalPeriod(period.date, timeZone);
}
