"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZLogStatusChange } from "@/lib/schemas/status-change";
import { defineAction } from "@/lib/server/action";
import { logStatusChange } from "@/lib/server/status-changes/log-status-change";

export const logStatusChangeAction = defineAction({
  permission: "status-change:log",
  schema: ZLogStatusChange,
  handler: async (actor, input) => {
    const result = await logStatusChange(actor, input);
    revalidatePath("/", "layout");
    // Under two-person review "publish" submits the new draft (decision 034).
    const saved = "review" in result ? "submitted" : result.state === "PUBLISHED" ? "published" : "draft";
    redirect(`/desk/entries/${result.id}?saved=${saved}`);
  },
});
