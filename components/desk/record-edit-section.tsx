import type { ReactNode } from "react";
import type { TRevision } from "@/lib/server/revisions/list-revisions";
import { RevisionList } from "./revision-list";
import { SavedNotice } from "./saved-notice";

/** The page around a record's edit form: breadcrumb, heading, save confirmation, the form, then its revisions folded away. */
export function RecordEditSection({
  headingId,
  breadcrumb,
  title,
  saved,
  revisions,
  children,
}: {
  headingId: string;
  breadcrumb: ReactNode;
  title: string;
  saved?: string;
  revisions: TRevision[];
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <p className="text-sm text-muted [&_a]:underline">{breadcrumb}</p>
      <h1 id={headingId} className="font-serif text-3xl font-bold">
        Edit {title}
      </h1>
      <SavedNotice saved={saved} />
      {children}
      <details className="mt-8">
        <summary className="cursor-pointer font-serif text-xl font-bold">Revisions ({revisions.length})</summary>
        <div className="mt-3">
          <RevisionList revisions={revisions} />
        </div>
      </details>
    </section>
  );
}
