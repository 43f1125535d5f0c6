"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZEditStatusChange, ZJudgeCorroboration, ZMarkSourceErratum, ZPublishStatusChange, ZRetractStatusChange } from "@/lib/schemas/status-change";
import { markSourceErratum } from "@/lib/server/status-changes/mark-source-erratum";
import { defineAction } from "@/lib/server/action";
import { editStatusChange } from "@/lib/server/status-changes/edit-status-change";
import { publishStatusChange } from "@/lib/server/status-changes/publish-status-change";
import { retractStatusChange } from "@/lib/server/status-changes/retract-status-change";
import { judgeCorroboration } from "@/lib/server/status-changes/judge-corroboration";

/** "submitted" when the write went to two-person review instead of taking effect (decision 034). */
function outcome(result: object, saved: string): string {
  return "review" in result ? "submitted" : saved;
}

function done(id: string, saved: string): never {
  revalidatePath("/", "layout");
  redirect(`/desk/entries/${id}?saved=${saved}`);
}

export const editStatusChangeAction = defineAction({
  permission: "status-change:edit",
  schema: ZEditStatusChange,
  handler: async (actor, input) => {
    const result = await editStatusChange(actor, input);
    done(result.id, outcome(result, result.state === "PUBLISHED" && input.intent === "publish" ? "published" : "saved"));
  },
});

export const publishStatusChangeAction = defineAction({
  permission: "status-change:publish",
  schema: ZPublishStatusChange,
  handler: async (actor, input) => {
    const result = await publishStatusChange(actor, input);
    done(result.id, outcome(result, "published"));
  },
});

export const retractStatusChangeAction = defineAction({
  permission: "status-change:retract",
  schema: ZRetractStatusChange,
  handler: async (actor, input) => {
    const result = await retractStatusChange(actor, input);
    done(result.id, outcome(result, "retracted"));
  },
});

export const markSourceErratumAction = defineAction({
  permission: "status-change:edit",
  schema: ZMarkSourceErratum,
  handler: async (actor, input) => {
    const result = await markSourceErratum(actor, input);
    done(result.id, "erratum");
  },
});

export const judgeCorroborationAction = defineAction({
  permission: "status-change:edit",
  schema: ZJudgeCorroboration,
  handler: async (actor, input) => {
    const result = await judgeCorroboration(actor, input);
    done(result.id, "saved");
  },
});
