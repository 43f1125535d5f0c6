import "server-only";
import { z } from "zod";

/** A stored Idempotency-Key (lib/server/api/idempotency.ts): whose request it names, and its answer once there is one. */
export const ZIdempotencyRow = z
  .object({
    fingerprint: z.string(),
    claimed: z.boolean(),
    completedAt: z.date().nullable(),
    status: z.number().int().nullable(),
    headers: z.record(z.string(), z.string()).nullable(),
    body: z.instanceof(Uint8Array).nullable(),
  })
  .describe("idempotency key row");
