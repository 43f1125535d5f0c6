"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZRecordKey } from "@/lib/schemas/form-input";
import { ZTradeMeasure, ZUpdateTradeMeasure } from "@/lib/schemas/trade-measure";
import { defineAction } from "@/lib/server/action";
import { createMeasure } from "@/lib/server/measures/create-measure";
import { updateMeasure } from "@/lib/server/measures/update-measure";

export const createMeasureAction = defineAction({
  permission: "measure:write",
  schema: ZTradeMeasure,
  handler: async (actor, input) => {
    const result = await createMeasure(actor, input);
    revalidatePath("/", "layout");
    redirect(`/desk/measures/${result.slug}/edit?saved=created`);
  },
});

export const updateMeasureAction = defineAction({
  permission: "measure:write",
  schema: ZUpdateTradeMeasure.and(ZRecordKey),
  handler: async (actor, { key, ...input }) => {
    const result = await updateMeasure(actor, key, input);
    revalidatePath("/", "layout");
    redirect(`/desk/measures/${result.slug}/edit?saved=saved`);
  },
});
