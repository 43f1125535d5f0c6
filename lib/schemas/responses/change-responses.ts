import { z } from "zod";
import { EntryState, Status } from "../../generated/prisma/enums";
import { LOGGED_KINDS } from "../../domain/corrections";
import { listBody, ZIdJson, ZInstantJson } from "./common";
import { ZCorrectionJson } from "./correction-responses";

/** A development added to the record since the instant (lib/server/changes/list-changes-since.ts). */
const ZAddedJson = z.object({
  kind: z.literal("ADDED"),
  id: ZIdJson,
  /** When Pactwatch published it. */
  at: ZInstantJson,
  development: z.object({
    id: ZIdJson,
    url: z.string(),
    headline: z.string(),
    status: z.enum(Status),
    state: z.enum(EntryState),
    subject: z.object({ kind: z.enum(["AGREEMENT", "MEASURE"]), slug: z.string(), name: z.string() }),
  }),
});

/** A correction, source erratum or retraction recorded since the instant: the corrections log's entry. */
const ZRevisedJson = z.object({ kind: z.enum(LOGGED_KINDS), id: ZIdJson, at: ZInstantJson, correction: ZCorrectionJson });

/** GET /api/v1/changes?since: what changed in the record since an instant, newest first. */
export const ZChangeListBody = listBody(z.discriminatedUnion("kind", [ZAddedJson, ZRevisedJson]), {
  since: ZInstantJson.meta({ description: "The instant compared with (dates and wall times of `since` are read in UTC)." }),
}).meta({ title: "ChangeList" });
