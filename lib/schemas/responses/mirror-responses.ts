import { z } from "zod";
import { MeasureType } from "../../generated/prisma/enums";
import { ZAsOfJson, ZDateJson, ZIdJson, ZPartyRefJson, ZPathJson, ZVersionJson } from "./common";

const ZMirrorMeasureJson = z.object({
  id: ZIdJson,
  slug: z.string(),
  title: z.string(),
  href: ZPathJson,
  imposingCode: z.string(),
  version: ZVersionJson.meta({ description: "The measure's version: send the answer's with a confirmation." }),
  measureType: z.enum(MeasureType),
  announcedOn: ZDateJson.nullable().meta({ description: "As recorded on the measure (local date)." }),
  inForceOn: ZDateJson.nullable().meta({ description: "As recorded on the measure (local date)." }),
  liftedOn: ZDateJson.nullable().meta({ description: "The first published, uncancelled LIFTED development's effective date, in its own time zone." }),
});

const lag = (what: string) => z.int().nullable().meta({ description: `Days from the original's ${what} to the answer's (negative: the answer's came first); null when either date is missing.` });

/** GET /api/v1/relations/{pair}/mirror: the measures either way, paired, with their lags. */
export const ZMirrorBody = z
  .object({
    data: z.object({
      pair: z.string().meta({ description: "The two codes in alphabetical order, joined by a hyphen." }),
      parties: z.array(ZPartyRefJson).length(2),
      pairs: z.array(
        z.object({
          basis: z.enum(["LINKED", "PROPOSED"]).meta({ description: "LINKED: a RETALIATION_FOR link from the answer to the original; PROPOSED: the same type within about six months, not yet confirmed by an analyst." }),
          original: ZMirrorMeasureJson,
          answer: ZMirrorMeasureJson,
          lags: z.object({ announcement: lag("announcement"), inForce: lag("entry into force"), lifting: lag("lifting") }),
        }),
      ),
      unpaired: z.array(ZMirrorMeasureJson),
      totalMeasures: z.int().min(0),
      isTruncated: z.boolean().meta({ description: "True when only the most recently announced measures each way were paired." }),
      asOf: ZAsOfJson,
      links: z.object({ page: ZPathJson, relation: ZPathJson }),
    }),
  })
  .meta({ title: "Mirror" });

/** What confirming or dismissing a proposal answers. */
export const ZMirrorDismissedBody = z.object({ id: ZIdJson }).meta({ title: "MirrorPairDismissed" });
