import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { problemTypeBySlug } from "@/lib/domain/problem-types";

type TProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const type = problemTypeBySlug((await params).slug);
  return { title: type ? `API problem: ${type.title}` : "API problem" };
}

/** One problem type of the API: the page its `type` URL opens (lib/domain/problem-types.ts). */
export default async function ProblemTypePage({ params }: TProps) {
  const type = problemTypeBySlug((await params).slug);
  if (!type) notFound();
  return (
    <article className={`${UNDERLINED_LINKS} max-w-prose space-y-4 leading-relaxed`}>
      <p className="text-sm">
        <Link href="/methodology">Methodology</Link> › <Link href="/methodology/problems">API problems</Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">{type.title}</h1>
      <p>
        HTTP status <strong>{type.status}</strong>. Problem type <code>{type.slug}</code>.
      </p>
      <p>{type.meaning}</p>
    </article>
  );
}
