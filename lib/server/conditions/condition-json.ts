import "server-only";
import type { TReaderCondition } from "./list-subject-conditions";

/** A condition as the API, the feeds and the exports write it: instants as ISO strings. */
export function conditionJson(condition: TReaderCondition) {
  return {
    id: condition.id,
    statement: condition.statement,
    currentState: condition.currentState,
    isLive: condition.isLive,
    development: { ...condition.development, occurredAt: condition.development.occurredAt.toISOString() },
    dependsOn: condition.dependsOn,
    states: condition.states.map((entry) => ({
      state: entry.state,
      note: entry.note,
      occurredAt: entry.occurredAt.toISOString(),
      occurredPrecision: entry.occurredPrecision,
      timeZone: entry.timeZone,
      // A retired source says so beside the citation (and when), as on the reading pages.
      citations: entry.citations.map((citation) => ({ ...citation, source: { ...citation.source, retiredAt: citation.source.retiredAt?.toISOString() ?? null } })),
    })),
  };
}
