import { AgreementKind, ConditionState, DatePrecision, Direction, LinkType, MeasureType, PartyKind, Reliability, SourceKind, Status } from "../../generated/prisma/enums";
import { col, rowSchema, type TTableDefinition } from "./columns";

// The published record as tables (issue 11, item 5): what the data package holds, one definition
// per table. Developments are the published and retracted ones (what readers see); citations are
// theirs; sources are the whole registry, merged duplicates included (marked so).
// Drafts, accounts, revisions and the audit log are not published.

export const PARTIES = {
  name: "parties",
  title: "Parties",
  description: "States and organisations that are parties to agreements or impose and receive trade measures.",
  columns: [
    col.uuid("id", "The party's id."),
    col.string("code", "ISO 3166-1 alpha-3 for states (JPN, KOR); a short code for organisations (EU)."),
    col.string("name", "The party's name in English."),
    col.enum(PartyKind)("kind", "A state or an organisation."),
    col.stringList("aliases", "Other names the party goes by."),
  ],
  primaryKey: ["id"],
  foreignKeys: [],
} as const satisfies TTableDefinition;

export const AGREEMENTS = {
  name: "agreements",
  title: "Agreements",
  description: "Agreements between parties, with their term rules.",
  columns: [
    col.uuid("id", "The agreement's id."),
    col.string("slug", "Its address on the site: /agreements/<slug>."),
    col.string("title", "The agreement's full title."),
    col.string("short_name", "A short name (GSOMIA), when it has one.", { nullable: true }),
    col.enum(AgreementKind)("kind", "What kind of agreement."),
    col.date("signed_on", "The day it was signed, in its time zone.", { nullable: true }),
    col.date("in_force_on", "The day it entered into force, in its time zone.", { nullable: true }),
    col.integer("term_months", "The length of a term in months, when it has one.", { nullable: true }),
    col.boolean("auto_renews", "Whether a term renews unless a party gives notice."),
    col.integer("notice_days", "Days of notice before a term ends that stop its renewal.", { nullable: true }),
    col.string("time_zone", "IANA time zone of its dates and deadlines."),
    col.string("summary", "A summary in Markdown (may be empty).", { mayBeEmpty: true }),
  ],
  primaryKey: ["id"],
  foreignKeys: [],
} as const satisfies TTableDefinition;

export const AGREEMENT_PARTIES = {
  name: "agreement_parties",
  title: "Parties to agreements",
  description: "Which parties each agreement binds: one row per agreement and party.",
  columns: [col.uuid("agreement_id", "The agreement."), col.uuid("party_id", "A party to it.")],
  primaryKey: ["agreement_id", "party_id"],
  foreignKeys: [
    { fields: ["agreement_id"], table: "agreements", references: ["id"] },
    { fields: ["party_id"], table: "parties", references: ["id"] },
  ],
} as const satisfies TTableDefinition;

export const MEASURES = {
  name: "measures",
  title: "Trade measures",
  description: "Trade measures one party imposes on others (tariffs, export controls …).",
  columns: [
    col.uuid("id", "The measure's id."),
    col.string("slug", "Its address on the site: /measures/<slug>."),
    col.string("title", "The measure's title."),
    col.uuid("imposing_party_id", "The party imposing it."),
    col.enum(MeasureType)("measure_type", "What kind of measure."),
    col.string("products", "The products it covers, in words (may be empty).", { mayBeEmpty: true }),
    col.stringList("hs_codes", "Harmonized System codes of the products covered."),
    col.date("announced_on", "The day it was announced, in its time zone.", { nullable: true }),
    col.date("effective_on", "The day it took effect, in its time zone.", { nullable: true }),
    col.string("time_zone", "IANA time zone of its dates."),
    col.string("summary", "A summary in Markdown (may be empty).", { mayBeEmpty: true }),
  ],
  primaryKey: ["id"],
  foreignKeys: [{ fields: ["imposing_party_id"], table: "parties", references: ["id"] }],
} as const satisfies TTableDefinition;

export const MEASURE_TARGETS = {
  name: "measure_targets",
  title: "Targets of trade measures",
  description: "Which parties each trade measure targets: one row per measure and party.",
  columns: [col.uuid("measure_id", "The trade measure."), col.uuid("party_id", "A party it targets.")],
  primaryKey: ["measure_id", "party_id"],
  foreignKeys: [
    { fields: ["measure_id"], table: "measures", references: ["id"] },
    { fields: ["party_id"], table: "parties", references: ["id"] },
  ],
} as const satisfies TTableDefinition;

export const DEVELOPMENTS = {
  name: "developments",
  title: "Developments",
  description: "Status changes of agreements and trade measures as published, each backed by citations; retracted ones stay, marked so.",
  columns: [
    col.uuid("id", "The development's id: /developments/<id> on the site."),
    col.uuid("agreement_id", "The agreement it concerns (else measure_id is set).", { nullable: true }),
    col.uuid("measure_id", "The trade measure it concerns (else agreement_id is set).", { nullable: true }),
    col.enum(Status)("status", "The status it records."),
    col.string("headline", "One line saying what happened."),
    col.string("body", "More detail in Markdown (may be empty).", { mayBeEmpty: true }),
    col.datetime("occurred_at", "When it happened, as an instant (the start of the day, month or year in time_zone when less precise)."),
    col.enum(DatePrecision)("occurred_precision", "How precisely occurred_at is known."),
    col.string("time_zone", "IANA time zone occurred_at was given in."),
    col.datetime("effective_at", "When it takes or took effect, when that differs from occurred_at.", { nullable: true }),
    col.enum(Direction)("direction", "Escalation, de-escalation or neutral."),
    col.enum({ PUBLISHED: "PUBLISHED", RETRACTED: "RETRACTED" })("state", "Published, or retracted (with the reason) after publication."),
    col.uuid("cancels_id", "The development this one cancels (a scheduled change called off).", { nullable: true }),
    col.datetime("published_at", "When it was published.", { nullable: true }),
    col.datetime("retracted_at", "When it was retracted.", { nullable: true }),
    col.string("retraction_reason", "Why it was retracted.", { nullable: true }),
    col.integer("version", "How many times it was saved."),
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["agreement_id"], table: "agreements", references: ["id"] },
    { fields: ["measure_id"], table: "measures", references: ["id"] },
    { fields: ["cancels_id"], table: "developments", references: ["id"] },
  ],
} as const satisfies TTableDefinition;

export const SOURCES = {
  name: "sources",
  title: "Sources",
  description: "The source registry: articles, government releases and treaty texts cited, each with an Admiralty reliability grade (A–F). Merged duplicates are kept (merged_into_id), so old links resolve.",
  columns: [
    col.uuid("id", "The source's id: /sources/<id> on the site."),
    col.string("url", "The canonical link."),
    col.string("title", "The title."),
    col.string("publisher", "The publisher."),
    col.stringList("authors", "The authors."),
    col.datetime("published_at", "When it was published.", { nullable: true }),
    col.datetime("accessed_at", "When the link was last read.", { nullable: true }),
    col.enum(SourceKind)("kind", "What kind of source."),
    col.string("language", "Language code (en, ko, ja …)."),
    col.enum(Reliability)("reliability", "Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged."),
    col.string("reliability_note", "Why this grade.", { nullable: true }),
    col.string("archive_url", "An archived copy.", { nullable: true }),
    col.uuid("merged_into_id", "Set when this source was found to duplicate another and merged into it: the source that stands for both now.", { nullable: true }),
    col.datetime("retired_at", "When the source was retired (no longer citable), if it was.", { nullable: true }),
    col.string("retired_reason", "Why it was retired.", { nullable: true }),
  ],
  primaryKey: ["id"],
  foreignKeys: [{ fields: ["merged_into_id"], table: "sources", references: ["id"] }],
} as const satisfies TTableDefinition;

export const CITATIONS = {
  name: "citations",
  title: "Citations",
  description: "The sources each development cites, with the quote and the Admiralty credibility (1–6) of the information.",
  columns: [
    col.uuid("id", "The citation's id."),
    col.uuid("development_id", "The development citing."),
    col.uuid("source_id", "The source cited."),
    col.integer("position", "Its order among the development's citations, from 0."),
    col.string("quote", "The quote, in English (a translation when the source is not).", { nullable: true }),
    col.string("quote_original", "The quote in the source's language, when not English.", { nullable: true }),
    col.string("quote_language", "The original quote's language code.", { nullable: true }),
    col.string("locator", "Paragraph, page or timestamp.", { nullable: true }),
    col.integer("credibility", "Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged."),
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["development_id"], table: "developments", references: ["id"] },
    { fields: ["source_id"], table: "sources", references: ["id"] },
  ],
} as const satisfies TTableDefinition;

export const LINKS = {
  name: "links",
  title: "Links",
  description: "How agreements and trade measures relate: one retaliating for another, conditional on, suspending, restoring, related.",
  columns: [
    col.uuid("id", "The link's id."),
    col.enum(LinkType)("type", "How the first relates to the second."),
    col.uuid("from_agreement_id", "The agreement the link starts from (else from_measure_id).", { nullable: true }),
    col.uuid("from_measure_id", "The measure the link starts from (else from_agreement_id).", { nullable: true }),
    col.uuid("to_agreement_id", "The agreement it points to (else to_measure_id).", { nullable: true }),
    col.uuid("to_measure_id", "The measure it points to (else to_agreement_id).", { nullable: true }),
    col.string("note", "A note on the link (may be empty).", { mayBeEmpty: true }),
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["from_agreement_id"], table: "agreements", references: ["id"] },
    { fields: ["from_measure_id"], table: "measures", references: ["id"] },
    { fields: ["to_agreement_id"], table: "agreements", references: ["id"] },
    { fields: ["to_measure_id"], table: "measures", references: ["id"] },
  ],
} as const satisfies TTableDefinition;

/** Every published table, in foreign-key order (a table only references those above it, or itself). */
export const CONDITIONS = {
  name: "conditions",
  title: "Conditions",
  description: "Conditions that published developments attach to the conditional state they leave their subject in (decision 031).",
  columns: [
    col.uuid("id", "The condition's id."),
    col.uuid("development_id", "The development that set the condition."),
    col.string("statement", "The condition, in words."),
    col.uuid("depends_on_agreement_id", "The agreement the condition depends on, if any.", { nullable: true }),
    col.uuid("depends_on_measure_id", "The measure the condition depends on, if any.", { nullable: true }),
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["development_id"], table: "developments", references: ["id"] },
    { fields: ["depends_on_agreement_id"], table: "agreements", references: ["id"] },
    { fields: ["depends_on_measure_id"], table: "measures", references: ["id"] },
  ],
} as const satisfies TTableDefinition;

export const CONDITION_STATES = {
  name: "condition_states",
  title: "States of conditions",
  description: "Each condition's dated history: holding, met, breached, lapsed or withdrawn. The latest by occurred_at is current.",
  columns: [
    col.uuid("id", "The state's id."),
    col.uuid("condition_id", "The condition."),
    col.enum(ConditionState)("state", "Where the condition stands from this date."),
    col.string("note", "What happened (may be empty).", { mayBeEmpty: true }),
    col.datetime("occurred_at", "When, as the start of its day, month or year in time_zone (UTC)."),
    col.enum(DatePrecision)("occurred_precision", "How precisely the date is known."),
    col.string("time_zone", "IANA time zone of the date."),
  ],
  primaryKey: ["id"],
  foreignKeys: [{ fields: ["condition_id"], table: "conditions", references: ["id"] }],
} as const satisfies TTableDefinition;

export const CONDITION_CITATIONS = {
  name: "condition_citations",
  title: "Citations of conditions' states",
  description: "The sources backing each state of a condition.",
  columns: [
    col.uuid("id", "The citation's id."),
    col.uuid("condition_state_id", "The state citing."),
    col.uuid("source_id", "The source cited."),
    col.integer("position", "Its order among the state's citations, from 0."),
    col.string("quote", "The quote, in English (a translation when the source is not).", { nullable: true }),
    col.string("quote_original", "The quote in the source's language, when not English.", { nullable: true }),
    col.string("quote_language", "The original quote's language code.", { nullable: true }),
    col.string("locator", "Paragraph, page or timestamp.", { nullable: true }),
    col.integer("credibility", "Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged."),
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["condition_state_id"], table: "condition_states", references: ["id"] },
    { fields: ["source_id"], table: "sources", references: ["id"] },
  ],
} as const satisfies TTableDefinition;

export const PUBLISHED_TABLES: readonly TTableDefinition[] = [PARTIES, AGREEMENTS, AGREEMENT_PARTIES, MEASURES, MEASURE_TARGETS, SOURCES, DEVELOPMENTS, CITATIONS, LINKS, CONDITIONS, CONDITION_STATES, CONDITION_CITATIONS];

/** The zod schema of each table's rows, by table name (what the package's reader parses every row with). */
export const PUBLISHED_ROW_SCHEMAS = Object.fromEntries(PUBLISHED_TABLES.map((table) => [table.name, rowSchema(table)]));
