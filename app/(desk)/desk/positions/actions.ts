"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZAddPosition, ZEditPosition } from "@/lib/schemas/party-position";
import { defineAction } from "@/lib/server/action";
import { addPosition } from "@/lib/server/positions/add-position";
import { editPosition } from "@/lib/server/positions/edit-position";

// Adding and superseding are one use case: a superseding position is a new position that names
// the one it replaces (decision 033).
export const addPositionAction = defineAction({
  permission: "position:write",
  schema: ZAddPosition,
  handler: async (actor, input) => {
    const result = await addPosition(actor, input);
    revalidatePath("/", "layout");
    redirect(`/desk/positions/${result.id}?saved=${result.supersedesId ? "superseded" : "added"}`);
  },
});

export const editPositionAction = defineAction({
  permission: "position:write",
  schema: ZEditPosition,
  handler: async (actor, input) => {
    const result = await editPosition(actor, input);
    revalidatePath("/", "layout");
    redirect(`/desk/positions/${result.id}?saved=edited`);
  },
});
