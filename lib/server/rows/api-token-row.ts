import "server-only";
import { z } from "zod";
import { Role } from "../../generated/prisma/enums";
import { ZInstant } from "./columns";

/** An API token by its hash with its owner's account, read in one statement (authenticate-api-token.ts). */
export const ZApiTokenOwnerRow = z
  .object({
    id: z.string(),
    revokedAt: ZInstant.nullable(),
    expiresAt: ZInstant.nullable(),
    lastUsedAt: ZInstant.nullable(),
    userId: z.string(),
    role: z.enum(Role),
    name: z.string(),
    email: z.string(),
    disabledAt: ZInstant.nullable(),
  })
  .describe("API token owner row");
