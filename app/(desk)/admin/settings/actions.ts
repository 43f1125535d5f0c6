"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZSetReviewRequired } from "@/lib/schemas/review";
import { defineAction } from "@/lib/server/action";
import { setReviewRequired } from "@/lib/server/reviews/set-review-required";

export const setReviewRequiredAction = defineAction({
  permission: "settings:manage",
  schema: ZSetReviewRequired,
  handler: async (actor, input) => {
    const result = await setReviewRequired(actor, input);
    revalidatePath("/desk", "layout");
    revalidatePath("/admin", "layout");
    redirect(`/admin/settings?saved=${result.isReviewRequired ? "review-on" : "review-off"}`);
  },
});
