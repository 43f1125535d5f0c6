"use server";

import { ZSourceSearch } from "@/lib/schemas/source";
import { defineAction } from "@/lib/server/action";
import { searchSources } from "@/lib/server/sources/search-sources";

export const searchSourcesAction = defineAction({
  permission: "source:create",
  schema: ZSourceSearch,
  handler: (actor, input) => searchSources(actor, input.q),
});
