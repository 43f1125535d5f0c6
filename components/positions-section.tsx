import Link from "next/link";
import { languageName, type TPartyPositions } from "@/lib/domain/position-history";
import type { TReaderPosition } from "@/lib/server/positions/list-positions";
import { ConditionDate } from "./condition-history";

type TPosition = TReaderPosition & { supersededById?: string };

/** One quoted position: the words in their own language (lang attribute), the translation, who said it, when, and the source. */
function PositionCard({ position, supersededBy }: { position: TPosition; supersededBy?: TReaderPosition }) {
  return (
    <li id={`position-${position.id}`} className={supersededBy ? "rounded border border-dashed border-rule p-3 text-muted" : "rounded border border-rule bg-white p-3"}>
      {supersededBy && (
        <p className="mb-1 text-sm font-semibold">
          Superseded on <ConditionDate at={supersededBy.statedAt} precision={supersededBy.statedPrecision} timeZone={supersededBy.timeZone} /> by{" "}
          <a href={`#position-${supersededBy.id}`} className="underline">
            a later position
          </a>
        </p>
      )}
      <figure>
        <blockquote lang={position.quoteLanguage} className="border-l-4 border-rule pl-3 font-serif text-lg">
          <p>“{position.quote}”</p>
        </blockquote>
        {position.translation && (
          <p className="mt-2 pl-4 text-sm">
            <span className="font-semibold">
              Translation into {languageName(position.translationLanguage ?? "en")}
              {position.translationNote ? ` (${position.translationNote})` : ""}:
            </span>{" "}
            <span lang={position.translationLanguage ?? "en"}>“{position.translation}”</span>
          </p>
        )}
        {!position.translation && position.translationNote && <p className="mt-1 pl-4 text-sm text-muted">({position.translationNote})</p>}
        <figcaption className="mt-2 text-sm">
          — {position.speaker}, <ConditionDate at={position.statedAt} precision={position.statedPrecision} timeZone={position.timeZone} />
          {position.quoteLanguage !== "en" && <>, in {languageName(position.quoteLanguage)}</>}.{" "}
          <span className="text-muted">
            Source:{" "}
            <a href={position.source.url} className="underline" rel="noreferrer">
              {position.source.title}
            </a>
            , {position.source.publisher}
            {position.locator && <>, {position.locator}</>}
            {position.source.retiredAt && " (source retired from the registry)"}.
          </span>
        </figcaption>
      </figure>
    </li>
  );
}

/**
 * Each party's own characterisation of the subject, side by side: one column a party (stacked on
 * narrow screens), the standing positions first, then the superseded ones, each newest first.
 * Plain HTML: no script is needed to read or compare them.
 */
export function PositionsSection({ parties, names, count, about }: { parties: TPartyPositions<TReaderPosition>[]; names: Map<string, string>; count: number; about: string }) {
  if (count === 0) return null;
  const byId = new Map(parties.flatMap((party) => [...party.current, ...party.superseded]).map((position) => [position.id, position]));
  return (
    <section aria-labelledby="positions-heading" className="mt-8">
      <h2 id="positions-heading" className="font-serif text-2xl font-bold">
        Positions
      </h2>
      <p className="mt-1 max-w-prose text-sm text-muted">
        How each party itself characterises {about}, in its government&apos;s or officials&apos; own words, quoted from the source with the date and the language it was said in. A superseded position is kept below the one that replaced it.
      </p>
      <div className={`mt-3 grid gap-4 ${parties.length > 1 ? "md:grid-cols-2" : ""}`}>
        {parties.map((party) => (
          <section key={party.partyCode} aria-labelledby={`positions-${party.partyCode}`} className="min-w-0">
            <h3 id={`positions-${party.partyCode}`} className="font-serif text-xl font-bold">
              {names.get(party.partyCode) ?? party.partyCode}
            </h3>
            {party.current.length === 0 && party.superseded.length === 0 ? (
              <p className="mt-2 text-sm text-muted">No position recorded.</p>
            ) : (
              <>
                <ul className="mt-2 space-y-3" aria-label={`Positions of ${names.get(party.partyCode) ?? party.partyCode} that stand`}>
                  {party.current.map((position) => (
                    <PositionCard key={position.id} position={position} />
                  ))}
                </ul>
                {party.superseded.length > 0 && (
                  <>
                    <h4 className="mt-4 font-semibold">Earlier positions, superseded</h4>
                    <ul className="mt-2 space-y-3">
                      {party.superseded.map((position) => (
                        <PositionCard key={position.id} position={position} supersededBy={byId.get(position.supersededById)} />
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
