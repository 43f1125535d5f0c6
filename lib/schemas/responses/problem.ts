import { z } from "zod";

/**
 * Every error of the HTTP API (RFC 9457 application/problem+json), as
 * lib/server/api/problem-response.ts writes it. Extra members (retryAfterSeconds, currentVersion…)
 * are allowed: they carry the details of one kind of problem.
 */
export const ZProblemBody = z
  .looseObject({
    type: z.string().meta({ description: "A URL naming the kind of problem; it resolves to a page explaining it." }),
    title: z.string().meta({ description: "The kind of problem, the same for every occurrence (e.g. INVALID_INPUT)." }),
    status: z.int().min(400).max(599),
    detail: z.string().meta({ description: "What went wrong this time, in a sentence for people." }),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: "For invalid fields: each field's path (\"citations.0.url\") and its messages." }),
  })
  .meta({ title: "Problem" });
