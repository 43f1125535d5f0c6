import Link from "next/link";
import { asOfHeadline, wallTimeValue, zoneLabel } from "@/lib/domain/as-of";
import { asOfParams, type TAsOfParams } from "@/lib/domain/as-of-link";

type TProps = {
  /** The reading's asOf, or undefined for the present. */
  asOf?: TAsOfParams;
  /** The zone the banner and the control speak in (the subject's, else UTC). */
  timeZone: string;
  /** This page as it stands now. */
  presentHref: string;
  /** The reader's asOf could not be read (the page then shows the present). */
  invalid?: boolean;
  /** The page's other query fields (a list's filters), kept by the control's form. */
  hidden?: URLSearchParams;
};

/**
 * The banner of a reading as of an instant ("The record as it was known on 22 November 2019,
 * 15:00 Seoul time — see it as it stands now") and the control to choose the instant and axis:
 * a plain GET form, so it works without JavaScript (decision 029).
 */
export function AsOfBanner({ asOf, timeZone, presentHref, invalid, hidden }: TProps) {
  return (
    <div className="mt-3">
      {asOf && (
        <p role="note" aria-label="Reading as of a past instant" className="rounded border-2 border-amber-700 bg-amber-50 p-3 font-semibold text-amber-950">
          {asOfHeadline(asOf.instant, asOf.axis, timeZone)} — <Link href={presentHref}>see it as it stands now</Link>, or{" "}
          <Link href={`/changes?since=${encodeURIComponent(asOf.instant.toISOString())}`}>what changed since then</Link>
        </p>
      )}
      {invalid && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">
          That date could not be read: give a date, or a date and time. Shown as it stands now.
        </p>
      )}
      <details className="mt-2 text-sm" open={Boolean(asOf) || invalid}>
        <summary className="cursor-pointer">Read the record as it stood on another date</summary>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-3">
          {[...(hidden ?? new URLSearchParams())]
            .filter(([name]) => !["asOf", "axis", "cursor"].includes(name))
            .map(([name, value], index) => (
              <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
            ))}
          <label className="flex flex-col">
            <span>Date and time ({zoneLabel(timeZone)})</span>
            <input type="datetime-local" name="asOf" required defaultValue={asOf ? wallTimeValue(asOf.instant, timeZone) : undefined} className="rounded border border-rule px-2 py-1" />
          </label>
          <label className="flex flex-col">
            <span>As</span>
            <select name="axis" defaultValue={asOf?.axis ?? "known"} className="rounded border border-rule px-2 py-1">
              <option value="known">known then (from its sources)</option>
              <option value="recorded">Pactwatch recorded it then</option>
            </select>
          </label>
          <button type="submit" className="rounded border border-ink px-3 py-1 font-semibold">
            Show the record then
          </button>
        </form>
      </details>
    </div>
  );
}

/** A list's filter form keeps the reading's instant and axis (hidden fields), so filtering stays in the past. */
export function AsOfHiddenFields({ asOf }: { asOf: TAsOfParams }) {
  return Object.entries(asOfParams(asOf)).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}
