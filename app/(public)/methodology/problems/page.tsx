import type { Metadata } from "next";
import Link from "next/link";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { PROBLEM_TYPE_LIST } from "@/lib/domain/problem-types";

export const metadata: Metadata = {
  title: "API problems",
  description: "What each problem the Pactwatch API answers means, and what to do about it.",
};

/** The index of the API's problem types: each `type` URL of an error response opens one of these. */
export default function ProblemTypesPage() {
  return (
    <article className={`${UNDERLINED_LINKS} max-w-prose space-y-6 leading-relaxed`}>
      <header>
        <p className="text-sm"><Link href="/methodology">Methodology</Link></p>
        <h1 className="font-serif text-3xl font-bold">API problems</h1>
        <p className="mt-2">
          Every error of the API under <code>/api/v1</code> is a JSON document of type <code>application/problem+json</code> (RFC 9457) with a{" "}
          <code>type</code> link to one of the pages below, a <code>title</code>, the HTTP <code>status</code>, a <code>detail</code> saying what happened
          this time and, for invalid fields, <code>errors</code> keyed by field.
        </p>
      </header>
      <dl className="space-y-4">
        {PROBLEM_TYPE_LIST.map((type) => (
          <div key={type.slug}>
            <dt className="font-semibold">
              <Link href={`/methodology/problems/${type.slug}`}>{type.title}</Link> <span className="text-muted">({type.status})</span>
            </dt>
            <dd className="mt-1">{type.meaning}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
