import type { SourceKind } from "../generated/prisma/enums";

/** How each kind of source is named to people. */
export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  NEWS: "News report",
  GOVERNMENT: "Government statement",
  TREATY_TEXT: "Treaty text",
  ANALYSIS: "Analysis",
  OTHER: "Other",
};
