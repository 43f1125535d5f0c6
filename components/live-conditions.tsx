import type { TReaderCondition } from "@/lib/server/conditions/list-subject-conditions";
import { ConditionDate } from "./condition-history";
import { ConditionStateBadge } from "./condition-state-badge";

/** The status panel's list of conditions still in play (holding or breached), each with its current state and since when. */
export function LiveConditions({ conditions }: { conditions: TReaderCondition[] }) {
  const live = conditions.filter((condition) => condition.isLive);
  return (
    <>
      <h3 className="mt-3 text-sm font-semibold">Live conditions</h3>
      {live.length === 0 ? (
        <p className="text-sm text-muted">None{conditions.length > 0 ? ` (${conditions.length} earlier, below)` : ""}.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {live.map((condition) => {
            const latest = condition.states.at(-1)!;
            return (
              <li key={condition.id}>
                <ConditionStateBadge state={condition.currentState!} /> <a href={`#condition-${condition.id}`}>{condition.statement}</a>, since{" "}
                <ConditionDate at={latest.occurredAt} precision={latest.occurredPrecision} timeZone={latest.timeZone} />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
