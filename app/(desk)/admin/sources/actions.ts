"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZGradeSource, ZMergeSources, ZRestoreSource, ZRetireSource, ZSourceSyndication, ZUndoSourceMerge, ZUpdateSource } from "@/lib/schemas/admin-source";
import { ZSourceFromUrl } from "@/lib/schemas/source";
import { defineAction } from "@/lib/server/action";
import { findOrCreateSourceByUrl } from "@/lib/server/sources/find-or-create-source-by-url";
import { gradeSource } from "@/lib/server/sources/grade-source";
import { mergeSources } from "@/lib/server/sources/merge-sources";
import { restoreSource } from "@/lib/server/sources/restore-source";
import { retireSource } from "@/lib/server/sources/retire-source";
import { setSourceSyndication } from "@/lib/server/sources/set-source-syndication";
import { undoSourceMerge } from "@/lib/server/sources/undo-source-merge";
import { updateSource } from "@/lib/server/sources/update-source";

// The admin's source registry. Thin: each action validates, calls its use case, and refreshes
// the admin pages and the public pages that show sources and their citations.
function refreshSourcePages(...ids: string[]) {
  revalidatePath("/admin", "layout");
  for (const id of ids) revalidatePath(`/sources/${id}`);
  revalidatePath("/", "layout");
}

export const addSource = defineAction({
  permission: "source:create",
  schema: ZSourceFromUrl,
  handler: async (actor, input) => {
    const result = await findOrCreateSourceByUrl(actor, input);
    if (result.isNew) refreshSourcePages(result.source.id);
    return { id: result.source.id, title: result.source.title, url: result.source.url, isNew: result.isNew };
  },
});

export const editSource = defineAction({
  permission: "source:edit",
  schema: ZUpdateSource,
  handler: async (actor, input) => {
    const result = await updateSource(actor, input);
    refreshSourcePages(result.id);
    return result;
  },
});

export const gradeSourceReliability = defineAction({
  permission: "source:grade",
  schema: ZGradeSource,
  handler: async (actor, input) => {
    const result = await gradeSource(actor, input);
    refreshSourcePages(result.id);
    return result;
  },
});

export const retireSourceWithReason = defineAction({
  permission: "source:retire",
  schema: ZRetireSource,
  handler: async (actor, input) => {
    const result = await retireSource(actor, input);
    refreshSourcePages(result.id);
    return result;
  },
});

export const restoreRetiredSource = defineAction({
  permission: "source:retire",
  schema: ZRestoreSource,
  handler: async (actor, input) => {
    const result = await restoreSource(actor, input);
    refreshSourcePages(result.id);
    return result;
  },
});

export const mergeDuplicateSource = defineAction({
  permission: "source:merge",
  schema: ZMergeSources,
  handler: async (actor, input) => {
    const result = await mergeSources(actor, input);
    refreshSourcePages(result.sourceId, result.targetId);
    redirect(`/admin/sources/${result.targetId}?notice=merged&from=${result.sourceId}`);
  },
});

export const undoMerge = defineAction({
  permission: "source:merge",
  schema: ZUndoSourceMerge,
  handler: async (actor, input) => {
    const result = await undoSourceMerge(actor, input);
    refreshSourcePages(result.sourceId, result.targetId);
    redirect(`/admin/sources/${result.sourceId}?notice=unmerged`);
  },
});

export const setSyndication = defineAction({
  permission: "source:edit",
  schema: ZSourceSyndication,
  handler: async (actor, input) => {
    const result = await setSourceSyndication(actor, input);
    refreshSourcePages(result.id);
    return result;
  },
});
