"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZRecordKey } from "@/lib/schemas/form-input";
import { ZParty, ZUpdateParty } from "@/lib/schemas/party";
import { defineAction } from "@/lib/server/action";
import { createParty } from "@/lib/server/parties/create-party";
import { updateParty } from "@/lib/server/parties/update-party";

export const createPartyAction = defineAction({
  permission: "party:write",
  schema: ZParty,
  handler: async (actor, input) => {
    const result = await createParty(actor, input);
    revalidatePath("/", "layout");
    redirect(`/desk/parties/${result.code}/edit?saved=created`);
  },
});

export const updatePartyAction = defineAction({
  permission: "party:write",
  schema: ZUpdateParty.and(ZRecordKey),
  handler: async (actor, { key, ...input }) => {
    const result = await updateParty(actor, key, input);
    revalidatePath("/", "layout");
    redirect(`/desk/parties/${result.code}/edit?saved=saved`);
  },
});
