import { z } from "zod";
import { text } from "./text";
import { ZEmail, ZNewPassword, ZRole } from "./auth";
import { optionalText, ZVersion } from "./form-input";

// The admin's user management (issue 6). Passwords left empty are generated and shown once.

const ZUserId = z.uuid({ error: "The form lost track of which account this is: open it again" });

const ZName = text({ error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "Names are at most 120 characters");

/** An empty password field means "generate a temporary password". */
const ZOptionalNewPassword = z.preprocess((value) => (value === "" || value === null ? undefined : value), ZNewPassword.optional());

export const ZAdminCreateUser = z.object({ email: ZEmail, name: ZName, role: ZRole, password: ZOptionalNewPassword }).meta({ examples: [{ email: "analyst@example.org", name: "Min-ji Park", role: "ANALYST" }] });
export type TAdminCreateUser = z.output<typeof ZAdminCreateUser>;

export const ZUpdateUser = z.object({ userId: ZUserId, version: ZVersion, name: ZName, email: ZEmail }).meta({ examples: [{ version: 2, name: "Min-ji Park" }] });
export type TUpdateUser = z.output<typeof ZUpdateUser>;

export const ZChangeUserRole = z.object({ email: ZEmail, role: ZRole });
export type TChangeUserRole = z.output<typeof ZChangeUserRole>;

export const ZUserRef = z.object({ userId: ZUserId });
export type TUserRef = z.output<typeof ZUserRef>;

export const ZResetUserPassword = z.object({ userId: ZUserId, password: ZOptionalNewPassword }).meta({ examples: [{}] });
export type TResetUserPassword = z.output<typeof ZResetUserPassword>;

/** The user list's filters, from the query string. */
export const ZUserFilters = z.object({
  q: optionalText(200, "").catch(""),
  role: z.enum(["any", "READER", "ANALYST", "ADMIN"]).catch("any"),
  status: z.enum(["any", "active", "disabled"]).catch("any"),
});
export type TUserFilters = z.output<typeof ZUserFilters>;
