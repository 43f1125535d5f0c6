import type { TTimeAxis } from "./record-time";

/** The asOf a page was read at, as its links carry it on. */
export type TAsOfParams = { instant: Date; axis: TTimeAxis };

/** The query parameters that keep a reading's asOf on the next page: asOf (an instant, UTC) and axis. */
export function asOfParams(asOf: TAsOfParams | undefined): Record<string, string> {
  return asOf ? { asOf: asOf.instant.toISOString(), axis: asOf.axis } : {};
}

/** `href` with the reading's asOf and axis kept (before any #fragment); unchanged for the present or a bare #fragment. */
export function keepAsOf(href: string, asOf: TAsOfParams | undefined): string {
  if (!asOf || href.startsWith("#")) return href;
  const hashAt = href.indexOf("#");
  const [path, hash] = hashAt === -1 ? [href, ""] : [href.slice(0, hashAt), href.slice(hashAt)];
  const [base, search = ""] = path.split("?", 2) as [string, string?];
  const params = new URLSearchParams(search);
  params.delete("asOf");
  params.delete("axis");
  for (const [key, value] of Object.entries(asOfParams(asOf))) params.set(key, value);
  return `${base}?${params.toString()}${hash}`;
}
