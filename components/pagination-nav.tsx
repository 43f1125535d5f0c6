import Link from "next/link";
import { paramsToObject } from "@/lib/schemas/reader-queries";

type TQuery = Record<string, string | string[] | undefined>;

/** The same address with some parameters replaced (undefined removes one). */
export function withParams(path: string, query: TQuery | URLSearchParams, changes: TQuery = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...paramsToObject(query), ...changes })) {
    if (value === undefined || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) if (item !== "") params.append(key, item);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** "Next page" by cursor and "back to the first page": keyset pages have no numbers. */
export function PaginationNav({ path, query, nextCursor, cursorParam = "cursor", label, anchor = "" }: {
  path: string;
  /** The page's query as its links carry it (toSearchParams), including the current cursor. */
  query: TQuery | URLSearchParams;
  nextCursor: string | null;
  cursorParam?: string;
  label: string;
  anchor?: string;
}) {
  const isFirstPage = !paramsToObject(query)[cursorParam];
  if (!nextCursor && isFirstPage) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap gap-4 text-sm">
      {!isFirstPage && <Link href={`${withParams(path, query, { [cursorParam]: undefined })}${anchor}`}>← Back to the first page</Link>}
      {nextCursor && (
        <Link href={`${withParams(path, query, { [cursorParam]: nextCursor })}${anchor}`} rel="next" className="font-semibold">
          Next page →
        </Link>
      )}
    </nav>
  );
}
