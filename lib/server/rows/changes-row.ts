import "server-only";
import { z } from "zod";
import { ZEntryState, ZInstant, ZStatus } from "./columns";

/** A development published after an instant (lib/server/changes/changes-since-sql.ts), with its subject. */
export const ZAddedChangeRow = z
  .object({
    id: z.string(),
    publishedAt: ZInstant,
    status: ZStatus,
    state: ZEntryState,
    headline: z.string(),
    agreementSlug: z.string().nullable(),
    agreementName: z.string().nullable(),
    measureSlug: z.string().nullable(),
    measureTitle: z.string().nullable(),
  })
  .describe("added change row");

export type TAddedChangeRow = z.infer<typeof ZAddedChangeRow>;
