"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ZConfirmMirrorPair, ZDismissMirrorPair } from "@/lib/schemas/mirror-pair";
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { defineAction } from "@/lib/server/action";
import { confirmMirrorPair } from "@/lib/server/relations/confirm-mirror-pair";
import { dismissMirrorPair } from "@/lib/server/relations/dismiss-mirror-pair";
import { canonicalPair } from "@/lib/server/relations/get-relation";

/** The relation a judgment is made in (a hidden field of the desk's mirror page). */
const ZInPair = z.object({ pair: ZPartyPair });

export const confirmMirrorPairAction = defineAction({
  permission: "link:write",
  schema: ZConfirmMirrorPair.and(ZInPair),
  handler: async (actor, { pair, ...input }) => {
    await confirmMirrorPair(actor, pair, input);
    revalidatePath("/", "layout");
    redirect(`/desk/relations/${canonicalPair(...pair).join("-")}/mirror?saved=confirmed`);
  },
});

export const dismissMirrorPairAction = defineAction({
  permission: "link:write",
  schema: ZDismissMirrorPair.and(ZInPair),
  handler: async (actor, { pair, ...input }) => {
    await dismissMirrorPair(actor, pair, input);
    revalidatePath("/", "layout");
    redirect(`/desk/relations/${canonicalPair(...pair).join("-")}/mirror?saved=dismissed`);
  },
});
