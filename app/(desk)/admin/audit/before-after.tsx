// Before and after of an audit event side by side, one row per field, changed fields marked in
// words (not colour alone); "—" where a side did not record the field. Values are shown as text: React escapes them, nothing is rendered as HTML.

type TJson = unknown;

function fieldsOf(value: TJson): Record<string, TJson> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, TJson>) : null;
}

function show(value: TJson): string {
  if (value === undefined) return "—";
  if (value === null) return "null";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 1);
}

export function BeforeAfter({ before, after, caption }: { before: TJson; after: TJson; caption: string }) {
  const beforeFields = fieldsOf(before);
  const afterFields = fieldsOf(after);
  if ((before !== null && !beforeFields) || (after !== null && !afterFields)) {
    return (
      <div className="grid gap-2 sm:grid-cols-2">
        <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-gray-50 p-2 text-xs">{show(before)}</pre>
        <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-gray-50 p-2 text-xs">{show(after)}</pre>
      </div>
    );
  }
  const names = [...new Set([...Object.keys(beforeFields ?? {}), ...Object.keys(afterFields ?? {})])];
  if (names.length === 0) return <p className="text-xs text-muted">No details recorded.</p>;
  return (
    <table className="w-full table-fixed border-collapse text-left text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-rule">
          <th scope="col" className="w-1/5 py-1 pr-2">Field</th>
          <th scope="col" className="py-1 pr-2">Before</th>
          <th scope="col" className="py-1">After</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const was = beforeFields?.[name];
          const now = afterFields?.[name];
          // A field recorded on one side only (a merge records the source before, the move after) is not a change.
          const isRecordedOnBothSides = Boolean(beforeFields && afterFields && name in beforeFields && name in afterFields);
          const isChanged = isRecordedOnBothSides && JSON.stringify(was) !== JSON.stringify(now);
          return (
            <tr key={name} className={`border-b border-rule align-top ${isChanged ? "bg-amber-50" : ""}`}>
              <th scope="row" className="py-1 pr-2 font-mono font-normal">
                {name}
                {isChanged && <span className="block font-sans font-semibold text-amber-900">changed</span>}
              </th>
              <td className="whitespace-pre-wrap break-all py-1 pr-2 font-mono">{before === null ? "" : show(was)}</td>
              <td className="whitespace-pre-wrap break-all py-1 font-mono">{after === null ? "" : show(now)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
