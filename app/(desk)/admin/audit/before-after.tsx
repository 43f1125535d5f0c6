// Before and after of an audit event side by side, one row per field, changed fields marked in
// words (not colour alone); "—" where a side did not record the field. Values are shown as text: React escapes them, nothing is rendered as HTML.
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";

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
    <Table caption={caption} density="compact" className="table-fixed">
      <TableHead>
          <ColumnHeader className="w-1/5">Field</ColumnHeader>
          <ColumnHeader>Before</ColumnHeader>
          <ColumnHeader>After</ColumnHeader>
        </TableHead>
      <TableBody>
        {names.map((name) => {
          const was = beforeFields?.[name];
          const now = afterFields?.[name];
          // A field recorded on one side only (a merge records the source before, the move after) is not a change.
          const isRecordedOnBothSides = Boolean(beforeFields && afterFields && name in beforeFields && name in afterFields);
          const isChanged = isRecordedOnBothSides && JSON.stringify(was) !== JSON.stringify(now);
          return (
            <TableRow key={name} className={isChanged ? "bg-amber-50" : ""}>
              <RowHeader className="font-mono font-normal">
                {name}
                {isChanged && <span className="block font-sans font-semibold text-amber-900">changed</span>}
              </RowHeader>
              <TableCell className="whitespace-pre-wrap break-all font-mono">{before === null ? "" : show(was)}</TableCell>
              <TableCell className="whitespace-pre-wrap break-all font-mono">{after === null ? "" : show(now)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
