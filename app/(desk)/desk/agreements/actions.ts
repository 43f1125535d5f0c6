"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZAgreement, ZUpdateAgreement } from "@/lib/schemas/agreement";
import { ZRecordKey } from "@/lib/schemas/form-input";
import { defineAction } from "@/lib/server/action";
import { createAgreement } from "@/lib/server/agreements/create-agreement";
import { updateAgreement } from "@/lib/server/agreements/update-agreement";

export const createAgreementAction = defineAction({
  permission: "agreement:write",
  schema: ZAgreement,
  handler: async (actor, input) => {
    const result = await createAgreement(actor, input);
    revalidatePath("/", "layout");
    redirect(`/desk/agreements/${result.slug}/edit?saved=created`);
  },
});

export const updateAgreementAction = defineAction({
  permission: "agreement:write",
  schema: ZUpdateAgreement.and(ZRecordKey),
  handler: async (actor, { key, ...input }) => {
    const result = await updateAgreement(actor, key, input);
    revalidatePath("/", "layout");
    redirect(`/desk/agreements/${result.slug}/edit?saved=saved`);
  },
});
