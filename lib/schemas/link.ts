import { z } from "zod";
import { LinkType } from "../generated/prisma/enums";
import { optionalText, rowsOf } from "./form-input";

/** How each link type reads, "this measure … that item". */
export const LINK_TYPE_LABELS: Readonly<Record<LinkType, string>> = {
  RETALIATION_FOR: "is a retaliation for",
  CONDITIONAL_ON: "is conditional on",
  SUSPENDS: "suspends",
  RESTORES: "restores",
  RELATED: "is related to",
};

const ZLinkRow = z.object({
  type: z.preprocess((value) => (value === "" || value === undefined ? "RELATED" : value), z.enum(LinkType, { error: "Choose how the two are related" })),
  /** "agreement:slug" or "measure:slug"; an empty row is dropped. */
  target: optionalText(100, "Choose the related agreement or measure from the list").refine(
    (target) => target === "" || /^(agreement|measure):[a-z0-9][a-z0-9-]{0,79}$/.test(target),
    "Choose the related agreement or measure from the list",
  ),
  note: optionalText(500, "A note on a link is limited to 500 characters"),
});

/** Typed links from one tracked item to others; rows without a target are dropped. */
export const ZLinks = rowsOf(ZLinkRow, { max: 50, message: "At most 50 links" }).transform((rows) =>
  rows
    .map((row, formIndex) => ({ ...row, formIndex }))
    .filter((row) => row.target !== "")
    .map((row) => {
      const [kind, slug] = row.target.split(":") as ["agreement" | "measure", string];
      const targetKind = kind === "agreement" ? ("AGREEMENT" as const) : ("MEASURE" as const);
      return { type: row.type, targetKind, targetSlug: slug, note: row.note, formIndex: row.formIndex };
    }),
);
export type TLinkInput = z.output<typeof ZLinks>[number];
