"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZAddCondition, ZRecordConditionState } from "@/lib/schemas/condition";
import { defineAction } from "@/lib/server/action";
import { addCondition } from "@/lib/server/conditions/add-condition";
import { recordConditionState } from "@/lib/server/conditions/record-condition-state";

export const addConditionAction = defineAction({
  permission: "condition:write",
  schema: ZAddCondition,
  handler: async (actor, input) => {
    const result = await addCondition(actor, input);
    revalidatePath("/", "layout");
    redirect(`/desk/conditions/${result.id}?saved=added`);
  },
});

export const recordConditionStateAction = defineAction({
  permission: "condition:write",
  schema: ZRecordConditionState,
  handler: async (actor, input) => {
    const result = await recordConditionState(actor, input);
    revalidatePath("/", "layout");
    redirect(`/desk/conditions/${result.id}?saved=state`);
  },
});
