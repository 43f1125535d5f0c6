import "server-only";
import { currentConditionState } from "../../domain/condition-states";
import { toPartialDateInput } from "../../domain/dates";
import type { TConditionRecord } from "./condition-record";

/** The latest state of a condition as a conflict panel shows it beside what the analyst typed. */
export function toConditionStateFormValues(record: TConditionRecord) {
  const latest = currentConditionState(record.states);
  return latest
    ? { state: latest.state, note: latest.note, occurredOn: toPartialDateInput(latest.occurredAt, latest.occurredPrecision, latest.timeZone), timeZone: latest.timeZone }
    : {};
}
