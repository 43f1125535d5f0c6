import { z } from "zod";
import { Role } from "../generated/prisma/enums";

export const ZEmail = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter an email address such as name@example.org" }).max(254, "Email addresses are at most 254 characters"));

/** Passwords: long enough to resist guessing, short enough not to be a hashing attack. */
export const ZNewPassword = z
  .string({ error: "Enter a password" })
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");

export const ZRole = z.enum(Role, { error: "Choose a role: reader, analyst or admin" });

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024, "That password is too long"),
  callbackUrl: z.string().max(2048).optional(),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZCreateUser = z.object({
  email: ZEmail,
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "Names are at most 120 characters"),
  role: ZRole,
  password: ZNewPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

/** Only same-site paths: "/agreements/gsomia", never "//evil.example" or "https://…". */
export function safeCallbackPath(candidate: string | undefined | null): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return "/";
  return candidate;
}
