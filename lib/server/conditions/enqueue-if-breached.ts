import "server-only";
import { currentConditionState } from "../../domain/condition-states";
import { enqueueBreach } from "../subscriptions/fan-out-breach";
import type { TTransaction } from "../write-transaction";
import type { TConditionRecord } from "./condition-record";

type TStates = TConditionRecord["states"];

/**
 * When the condition's current state (by the domain rule) has just become BREACHED, enqueues
 * telling its subscribers, in the transaction that recorded it (issue 14; decision 035). A
 * backdated state that does not become current, or a second breach in a row, tells no one.
 */
export async function enqueueIfBreached(tx: TTransaction, before: TStates, after: TStates): Promise<void> {
  const was = currentConditionState(before);
  const now = currentConditionState(after);
  if (now?.state === "BREACHED" && was?.state !== "BREACHED") await enqueueBreach(tx, now.id);
}
