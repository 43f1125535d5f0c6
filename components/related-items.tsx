import Link from "next/link";
import type { LinkType } from "@/lib/generated/prisma/enums";
import type { TRelatedItem } from "@/lib/server/subject-sql";
import { keepAsOf, type TAsOfParams } from "@/lib/domain/as-of-link";

// "from TYPE to" reads as a sentence (schema.prisma, Link): outgoing links read from this subject,
// incoming ones from the other.
const OUTGOING: Record<LinkType, string> = {
  RETALIATION_FOR: "is a retaliation for",
  CONDITIONAL_ON: "is conditional on",
  SUSPENDS: "suspends",
  RESTORES: "restores",
  RELATED: "is related to",
};
const INCOMING: Record<LinkType, string> = {
  RETALIATION_FOR: "was retaliated against by",
  CONDITIONAL_ON: "is a condition of",
  SUSPENDS: "is suspended by",
  RESTORES: "is restored by",
  RELATED: "is related to",
};

/** The agreements and measures linked to a subject, each link read as a sentence with its note. */
export function RelatedItems({ items, subjectName, asOf }: { items: TRelatedItem[]; subjectName: string; asOf?: TAsOfParams }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="mt-8">
      <h2 id="related-heading" className="font-serif text-xl font-bold">
        Related agreements and measures
      </h2>
      <ul className="mt-2 space-y-2">
        {items.map((item) => (
          <li key={`${item.kind}-${item.slug}-${item.type}-${item.outgoing}`}>
            <span className="text-muted">
              {subjectName} {item.outgoing ? OUTGOING[item.type] : INCOMING[item.type]}{" "}
            </span>
            <Link href={keepAsOf(item.href, asOf)}>{item.name}</Link>{" "}
            <span className="text-xs text-muted">({item.kind === "AGREEMENT" ? "agreement" : "trade measure"})</span>
            {item.note && <span className="block text-sm text-muted">{item.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
