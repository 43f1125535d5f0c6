/** Where a view can be followed and taken away: its Atom feed and its history as CSV or JSON. */
export function SubscribeLinks({ feed, exportQuery, feedLabel = "Atom feed", exportBase = "/exports/developments", exportWhat = "history" }: { feed?: string; exportQuery?: string; feedLabel?: string; exportBase?: string; exportWhat?: string }) {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {feed && (
        <a href={feed} type="application/atom+xml">
          <span aria-hidden="true">◉ </span>
          {feedLabel}
        </a>
      )}
      {exportQuery !== undefined && (
        <>
          <a href={`${exportBase}.csv${exportQuery ? `?${exportQuery}` : ""}`} type="text/csv" download>
            Export {exportWhat} as CSV
          </a>
          <a href={`${exportBase}.json${exportQuery ? `?${exportQuery}` : ""}`} type="application/json" download>
            Export {exportWhat} as JSON
          </a>
        </>
      )}
    </p>
  );
}
