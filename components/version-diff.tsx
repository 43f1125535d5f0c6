import { citationChangeText, fieldChangeText } from "@/lib/domain/revision-text";
import type { TPublicVersion, TVersionDiff } from "@/lib/domain/revision-diff";

type TProps = { diff: TVersionDiff; before: TPublicVersion | null; after: TPublicVersion };

/** What changed between two versions, one line a field or a citation, before → after in words. */
export function VersionDiff({ diff, before, after }: TProps) {
  if (!before) return <p className="text-sm text-muted">The first published version.</p>;
  if (diff.fields.length === 0 && diff.citations.length === 0) return <p className="text-sm text-muted">Nothing a reader sees changed.</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {diff.fields.map((change) => (
        <li key={change.field} className="break-words">
          {fieldChangeText(change, before, after)}
        </li>
      ))}
      {diff.citations.map((change) => (
        <li key={`${change.change}-${change.url}`} className="break-words">
          {citationChangeText(change)}
        </li>
      ))}
    </ul>
  );
}
