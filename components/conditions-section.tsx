import Link from "next/link";
import { keepAsOf, type TAsOfParams } from "@/lib/domain/as-of-link";
import { subjectHref } from "@/lib/domain/subject-ref";
import type { TReaderCondition } from "@/lib/server/conditions/list-subject-conditions";
import { ConditionDate, ConditionHistory } from "./condition-history";
import { ConditionStateBadge } from "./condition-state-badge";

/** Every published condition of a subject (or a relation), with the development that set it and its history of states. */
export function ConditionsSection({ conditions, showSubject = false, asOf }: { conditions: TReaderCondition[]; showSubject?: boolean; asOf?: TAsOfParams }) {
  if (conditions.length === 0) return null;
  return (
    <section aria-labelledby="conditions-heading" className="mt-8">
      <h2 id="conditions-heading" className="font-serif text-2xl font-bold">
        Conditions
      </h2>
      <p className="mt-1 max-w-prose text-sm text-muted">
        Conditions that developments left in place, and what became of each: holding, met, breached, lapsed or withdrawn. A breach is drawn as an escalation on the timeline.
      </p>
      <ul className="mt-3 space-y-4">
        {conditions.map((condition) => (
          <li key={condition.id} id={`condition-${condition.id}`} className="rounded border border-rule bg-white p-3">
            <p className="font-semibold">
              {condition.currentState && <ConditionStateBadge state={condition.currentState} />} {condition.statement}
            </p>
            <p className="mt-1 text-sm text-muted">
              Set by{" "}
              <Link href={keepAsOf(`${subjectHref(condition.development.subject.kind, condition.development.subject.slug)}#entry-${condition.development.id}`, asOf)} className="underline">
                {condition.development.headline}
              </Link>{" "}
              (<ConditionDate at={condition.development.occurredAt} precision={condition.development.occurredPrecision} timeZone={condition.development.timeZone} />)
              {showSubject && <>, {condition.development.subject.name}</>}
              {condition.dependsOn && (
                <>
                  ; depends on{" "}
                  <Link href={keepAsOf(subjectHref(condition.dependsOn.kind, condition.dependsOn.slug), asOf)} className="underline">
                    {condition.dependsOn.name}
                  </Link>
                </>
              )}
            </p>
            <ConditionHistory states={condition.states} />
          </li>
        ))}
      </ul>
    </section>
  );
}
