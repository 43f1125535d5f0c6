import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { RELIABILITY_GRADES } from "@/lib/domain/admiralty-grades";
import { formatOccurred } from "@/lib/domain/dates";
import { isGraded } from "@/lib/domain/source-duplicates";
import { SOURCE_KIND_LABELS } from "@/lib/domain/source-kinds";
import { ZAdminSourceFilters } from "@/lib/schemas/admin-source";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listSourcePublishers } from "@/lib/server/sources/list-source-publishers";
import { listSourcesForAdmin } from "@/lib/server/sources/list-sources-for-admin";
import { AddSourceForm } from "./add-source-form";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "Source registry" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? (value[0] ?? "") : (value ?? "")]));
}

export default async function AdminSourcesPage({ searchParams }: TProps) {
  await connection();
  const actor = await requireSignedIn("/admin/sources", "source:edit");
  const raw = firstValues(await searchParams);
  const filters = ZAdminSourceFilters.parse(raw);
  const [{ sources, nextCursor }, publishers] = await Promise.all([listSourcesForAdmin(actor, filters), listSourcePublishers(actor)]);
  const { after: _after, ...kept } = filters;
  const nextHref = nextCursor ? `/admin/sources?${new URLSearchParams({ ...kept, after: nextCursor })}` : null;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Source registry</h1>
        <p className="mt-1 max-w-prose text-muted">
          Every source cited by a development. Grade each on the Admiralty scale with a reason, merge duplicates, retire what is wrong or gone.{" "}
          <Link href="/admin/sources/duplicates">See proposed duplicates</Link>.
        </p>
      </div>

      <form role="search" method="get" action="/admin/sources" className="grid gap-3 rounded border border-rule bg-white p-4 sm:grid-cols-3" aria-label="Filter sources">
          <Input id="filter-q" name="q" label="Search" type="search" defaultValue={filters.q} hint="Title, publisher or link" fieldClassName="sm:col-span-2" />
          <Input id="filter-publisher" name="publisher" label="Publisher" defaultValue={filters.publisher} list="publisher-suggestions" />
          <datalist id="publisher-suggestions">
            {publishers.map((publisher) => (
              <option key={publisher} value={publisher} />
            ))}
          </datalist>
          <Select id="filter-kind" name="kind" label="Kind" defaultValue={filters.kind}>
            <option value="any">Any kind</option>
            {Object.entries(SOURCE_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Select id="filter-grade" name="grade" label="Reliability" defaultValue={filters.grade}>
            <option value="any">Any grade</option>
            <option value="ungraded">Not graded yet</option>
            {Object.entries(RELIABILITY_GRADES).map(([grade, text]) => (
              <option key={grade} value={grade}>
                {grade} · {text.label}
              </option>
            ))}
          </Select>
          <Select id="filter-state" name="state" label="State" defaultValue={filters.state}>
            <option value="live">In use (not retired or merged)</option>
            <option value="retired">Retired</option>
            <option value="merged">Merged into another</option>
            <option value="all">All</option>
          </Select>
          <Select id="filter-cited" name="cited" label="Citations" defaultValue={filters.cited}>
            <option value="any">Cited or not</option>
            <option value="cited">Cited</option>
            <option value="uncited">Not cited</option>
          </Select>
          <div className="flex items-end gap-3 sm:col-span-2">
            <Button type="submit">Filter</Button>
            <Link href="/admin/sources">Clear filters</Link>
          </div>
      </form>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="font-serif text-2xl font-bold">
          Sources
        </h2>
        {sources.length === 0 ? (
          <p className="mt-2 text-muted">No source matches these filters.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <Table caption="Sources matching the filters, by title">
              <TableHead>
                  <ColumnHeader>Title</ColumnHeader>
                  <ColumnHeader>Publisher</ColumnHeader>
                  <ColumnHeader>Kind</ColumnHeader>
                  <ColumnHeader>Reliability</ColumnHeader>
                  <ColumnHeader>Citations</ColumnHeader>
                  <ColumnHeader>State</ColumnHeader>
                </TableHead>
              <TableBody>
                {sources.map((source) => (
                  <TableRow key={source.id}>
                    <TableCell>
                      <Link href={`/admin/sources/${source.id}`}>{source.title}</Link>
                      <span className="block break-all text-xs text-muted">{source.url}</span>
                      {source.publishedAt && <span className="block text-xs text-muted">{formatOccurred(source.publishedAt, "DAY", "UTC")}</span>}
                    </TableCell>
                    <TableCell>{source.publisher}</TableCell>
                    <TableCell>{SOURCE_KIND_LABELS[source.kind]}</TableCell>
                    <TableCell>
                      {isGraded(source) ? (
                        <abbr title={RELIABILITY_GRADES[source.reliability].label}>{source.reliability}</abbr>
                      ) : (
                        <span>not graded</span>
                      )}
                    </TableCell>
                    <TableCell>{source.citationCount}</TableCell>
                    <TableCell>
                      {source.mergedIntoId ? (
                        <Link href={`/admin/sources/${source.mergedIntoId}`}>merged</Link>
                      ) : source.retiredAt ? (
                        "retired"
                      ) : source.archiveUrl ? (
                        "in use · archived copy"
                      ) : (
                        "in use"
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {nextHref && (
          <p className="mt-3">
            <Link href={nextHref} rel="next">
              Next page
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="add-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="add-heading" className="font-serif text-2xl font-bold">
          Add a source
        </h2>
        <AddSourceForm />
      </section>
    </div>
  );
}
