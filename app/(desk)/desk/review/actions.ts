"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZApproveReview, ZReturnReview } from "@/lib/schemas/review";
import { defineAction } from "@/lib/server/action";
import { approveReview } from "@/lib/server/reviews/approve-review";
import { returnReview } from "@/lib/server/reviews/return-review";

export const approveReviewAction = defineAction({
  permission: "review:decide",
  schema: ZApproveReview,
  handler: async (actor, input) => {
    await approveReview(actor, input);
    revalidatePath("/", "layout");
    redirect("/desk/review?decided=approved");
  },
});

export const returnReviewAction = defineAction({
  permission: "review:decide",
  schema: ZReturnReview,
  handler: async (actor, input) => {
    await returnReview(actor, input);
    revalidatePath("/desk", "layout");
    redirect("/desk/review?decided=returned");
  },
});
