import { formatInstant, formatOccurred } from "@/lib/domain/dates";
import { ENTRY_STATE_LABELS } from "@/lib/domain/entry-states";
import { DIRECTION_LABELS, STATUS_LABELS } from "@/lib/domain/statuses";

// A revision is a JSON snapshot of the entry; these turn its stored values (PUBLISHED, SIGNED,
// ISO instants) into what the rest of the desk shows for them.

type TCitationSnapshot = { url?: string; title?: string; publisher?: string; quote?: string | null; locator?: string | null; credibility?: number };

const PRECISION_LABELS: Record<string, string> = { DAY: "Day", MONTH: "Month", YEAR: "Year" };
const INSTANT_FIELDS = new Set(["effectiveAt", "publishedAt", "retractedAt"]);

function isCitationList(value: unknown): value is TCitationSnapshot[] {
  return Array.isArray(value) && value.every((item) => item && typeof item === "object" && "url" in item);
}

function labelFrom(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}

function asDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function zoneOf(snapshot: Record<string, unknown>, key: "timeZone" | "effectiveTimeZone"): string {
  const zone = snapshot[key] ?? snapshot.timeZone;
  return typeof zone === "string" && zone !== "" ? zone : "UTC";
}

/** A field's value in a revision as people read it; "—" for none. The snapshot gives dates their zone and precision. */
export function showRevisionValue(field: string, value: unknown, snapshot: Record<string, unknown>): string {
  if (isCitationList(value)) {
    return value
      .map((citation) => [`${citation.publisher ?? ""}, “${citation.title ?? ""}” ${citation.url ?? ""}`, citation.quote ? `“${citation.quote}”` : "", citation.locator ?? "", `credibility ${citation.credibility ?? "?"}`].filter(Boolean).join(" · "))
      .join("\n");
  }
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") {
    if (field === "status") return labelFrom(STATUS_LABELS, value);
    if (field === "state") return labelFrom(ENTRY_STATE_LABELS, value);
    if (field === "direction") return labelFrom(DIRECTION_LABELS, value);
    if (field === "occurredPrecision") return labelFrom(PRECISION_LABELS, value);
    const date = asDate(value);
    if (date && field === "occurredAt") {
      const precision = snapshot.occurredPrecision === "MONTH" || snapshot.occurredPrecision === "YEAR" ? snapshot.occurredPrecision : "DAY";
      return formatOccurred(date, precision, zoneOf(snapshot, "timeZone"));
    }
    if (date && INSTANT_FIELDS.has(field)) return formatInstant(date, zoneOf(snapshot, field === "effectiveAt" ? "effectiveTimeZone" : "timeZone"));
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(", ");
  return JSON.stringify(value, null, 2);
}
