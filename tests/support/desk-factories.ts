import { randomBytes } from "node:crypto";
import { deriveStatus } from "../../lib/domain/status-derivation";
import type { Role } from "../../lib/generated/prisma/enums";
import type { TDatabase } from "../../lib/server/db";
import type { TSignedInActor } from "../../lib/server/permissions";
import { ZAgreement } from "../../lib/schemas/agreement";
import { ZLogStatusChange } from "../../lib/schemas/status-change";
import { createAgreement } from "../../lib/server/agreements/create-agreement";

// Builders for the desk's integration tests: each test makes the users and records it needs.

/** A user of the given role, as the actor use cases take. */
export async function createTestUser(db: TDatabase, role: Role, name = `Test ${role.toLowerCase()}`): Promise<TSignedInActor> {
  const email = `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@pactwatch.test`;
  const user = await db.user.create({ data: { email, name, role }, select: { id: true, role: true, name: true, email: true } });
  return user;
}

/** The parties the desk tests use (created once per database). */
export async function ensureTestParties(db: TDatabase): Promise<void> {
  for (const [code, name] of [
    ["JPN", "Japan"],
    ["KOR", "South Korea"],
    ["USA", "United States of America"],
  ] as const) {
    await db.party.upsert({ where: { code }, update: {}, create: { code, name, kind: "STATE" } });
  }
}

/** An agreement between Japan and South Korea, made through the use case; returns its slug. */
export async function createTestAgreement(db: TDatabase, actor: TSignedInActor, overrides: Record<string, unknown> = {}): Promise<string> {
  await ensureTestParties(db);
  const input = ZAgreement.parse({
    title: `Test pact ${randomBytes(3).toString("hex")}`,
    kind: "SECURITY",
    partyCodes: ["JPN", "KOR"],
    signedOn: "2016-11-23",
    inForceOn: "2016-11-23",
    termMonths: "12",
    autoRenews: "on",
    noticeDays: "90",
    timeZone: "Asia/Seoul",
    ...overrides,
  });
  return (await createAgreement(actor, input)).slug;
}

/** Form-shaped input for logging a development, as the log form posts it. */
export function logForm(subject: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject,
    status: "PROVISIONALLY_EXTENDED",
    headline: "GSOMIA extended provisionally",
    body: "Seoul decided at the last minute to **suspend** its notice.",
    occurredOn: "2019-11-22",
    timeZone: "Asia/Seoul",
    effectiveAt: "",
    effectiveTimeZone: "",
    direction: "DE_ESCALATION",
    cancelsId: "",
    intent: "publish",
    citations: [
      {
        url: "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html?smid=tw-share#top",
        title: "At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan",
        publisher: "The New York Times",
        quote: "Seoul decided at the last minute on Friday to temporarily extend a military intelligence-sharing pact with Japan",
        locator: "paragraph 1",
        credibility: "2",
      },
    ],
    ...overrides,
  };
}

/** Parsed log input, through the same schema the form and the API use. */
export function logInput(subject: string, overrides: Record<string, unknown> = {}) {
  return ZLogStatusChange.parse(logForm(subject, overrides));
}

/** Counts of the rows a refused write must not have touched. */
export async function countWrites(db: TDatabase) {
  const [statusChanges, citations, sources, auditEvents, revisions, agreements, measures, parties, links] = await Promise.all([
    db.statusChange.count(),
    db.citation.count(),
    db.source.count(),
    db.auditEvent.count(),
    db.revision.count(),
    db.agreement.count(),
    db.tradeMeasure.count(),
    db.party.count(),
    db.link.count(),
  ]);
  return { statusChanges, citations, sources, auditEvents, revisions, agreements, measures, parties, links };
}

/** What the history in the database says now about an agreement (derived as the reading pages derive it). */
export async function derivedStatusOf(db: TDatabase, slug: string, now = new Date()) {
  const history = await db.statusChange.findMany({
    where: { agreement: { slug } },
    select: { id: true, status: true, state: true, occurredAt: true, effectiveAt: true, cancelsId: true, createdAt: true },
  });
  return deriveStatus(history, now);
}

/** What an edit of a published entry must say (issue 12): a clarification, with its reason. */
export const CLARIFICATION = { changeKind: "CLARIFICATION", reason: "Wording made clearer." } as const;
