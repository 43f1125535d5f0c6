import type { Metadata } from "next";
import Link from "next/link";
import { AddPositionForm } from "@/components/desk/position-forms";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { ConditionDate } from "@/components/condition-history";
import { ZPositionSubject } from "@/lib/schemas/party-position";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listSubjectOptions } from "@/lib/server/desk/list-desk-options";
import { listSubjectPartiesForDesk, listSubjectPositionsForDesk } from "@/lib/server/positions/get-position-for-desk";
import { can } from "@/lib/server/permissions";
import { addPositionAction } from "./actions";

export const metadata: Metadata = { title: "Parties' positions" };

type TProps = { searchParams: Promise<{ subject?: string | string[] }> };

/** The desk's positions of one subject (chosen with a GET form), newest first, and the form to add one. */
export default async function PositionsDeskPage({ searchParams }: TProps) {
  const raw = (await searchParams).subject;
  const subjectValue = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const actor = await requireSignedIn(`/desk/positions${subjectValue ? `?subject=${encodeURIComponent(subjectValue)}` : ""}`, "draft:read");
  const options = await listSubjectOptions(actor);
  const parsed = subjectValue ? ZPositionSubject.safeParse(subjectValue) : null;
  const subject = parsed?.success ? parsed.data : null;
  const found = subject
    ? await listSubjectPartiesForDesk(actor, subject.kind === "AGREEMENT" ? { agreementSlug: subject.slug } : subject.kind === "MEASURE" ? { measureSlug: subject.slug } : { statusChangeId: subject.id })
    : null;
  const positions = subject && found
    ? await listSubjectPositionsForDesk(actor, subject)
    : [];
  return (
    <section aria-labelledby="positions-heading" className="max-w-3xl space-y-6">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / Positions
      </p>
      <h1 id="positions-heading" className="font-serif text-3xl font-bold">
        Parties&apos; positions
      </h1>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <Select name="subject" label="About" defaultValue={subject && subject.kind !== "DEVELOPMENT" ? subjectValue : ""}>
          <option value="">Choose an agreement or a measure…</option>
          {[...options.agreements, ...options.measures].map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
        <Button type="submit">Show positions</Button>
      </form>
      {subjectValue && !found && <p role="alert">There is no such agreement, measure or development: choose one from the list.</p>}
      {found && (
        <>
          <h2 className="font-serif text-2xl font-bold">On {found.name}</h2>
          {positions.length === 0 ? (
            <p className="text-sm text-muted">No position recorded yet.</p>
          ) : (
            <ul className="space-y-2">
              {positions.map((position) => (
                <li key={position.id}>
                  <Link href={`/desk/positions/${position.id}`} className="underline">
                    {position.party.name}: “{position.quote.slice(0, 80)}{position.quote.length > 80 ? "…" : ""}”
                  </Link>{" "}
                  <span className="text-sm text-muted">
                    — {position.speaker}, <ConditionDate at={position.statedAt} precision={position.statedPrecision} timeZone={position.timeZone} />
                    {position.supersededBy && " · superseded"}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {can(actor, "position:write") && (
            <section aria-labelledby="add-position-heading" className="space-y-3">
              <h2 id="add-position-heading" className="font-serif text-2xl font-bold">
                Add a position
              </h2>
              <AddPositionForm
                action={addPositionAction}
                subject={subjectValue}
                parties={found.parties.map((party) => ({ value: party.code, label: party.name }))}
                timeZones={listTimeZones()}
                initial={{ timeZone: "UTC", quoteLanguage: "en" }}
              />
            </section>
          )}
        </>
      )}
    </section>
  );
}
