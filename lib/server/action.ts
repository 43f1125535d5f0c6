import "server-only";
import { unstable_rethrow } from "next/navigation";
import qs from "qs";
import type { z } from "zod";
import { withoutSecrets } from "./auth/without-secrets";
import { AppError, fieldErrorsFromZod, toAppError, type TAppErrorCode, type TFieldErrors } from "./errors";
import { assertCan, type TActor, type TPermission } from "./permissions";
import { getCurrentActor } from "./session";

export type TActionResult<TData> =
  | { ok: true; data: TData; message?: string }
  | {
      ok: false;
      code: TAppErrorCode;
      error: string;
      fieldErrors: TFieldErrors;
      /** What was submitted, so the form can show it again (never passwords or secrets). */
      values: Record<string, unknown>;
      details: Record<string, unknown>;
    };

/** useActionState's state: null before the first submission. */
export type TActionState<TData> = TActionResult<TData> | null;

/** FormData with bracketed names (citations[0][url]) as nested objects and arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const pairs = new URLSearchParams();
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) pairs.append(key, value);
  }
  return qs.parse(pairs.toString(), { depth: 5, arrayLimit: 200, parameterLimit: 5000, allowDots: false });
}

type TDefinition<TSchema extends z.ZodType, TData> = {
  /** What the actor must hold; null for actions open to anyone (signing in). */
  permission: TPermission | null;
  schema: TSchema;
  handler: (actor: TActor, input: z.output<TSchema>) => Promise<TData>;
};

/**
 * The one wrapper every server action goes through (CONVENTIONS §3): resolves the actor,
 * checks the permission, validates with zod, calls the use case, and returns a result the form
 * shows. Redirects and notFound() thrown by the handler pass through.
 */
export function defineAction<TSchema extends z.ZodType, TData>(definition: TDefinition<TSchema, TData>) {
  const action = async (_previous: TActionState<TData>, formData: FormData): Promise<TActionResult<TData>> => {
    const values = formDataToObject(formData);
    try {
      const actor = await getCurrentActor();
      if (definition.permission) assertCan(actor, definition.permission);
      const parsed = definition.schema.safeParse(values);
      if (!parsed.success) {
        throw new AppError("INVALID_INPUT", "Some fields need attention: see the messages beside them.", fieldErrorsFromZod(parsed.error));
      }
      return { ok: true, data: await definition.handler(actor, parsed.data) };
    } catch (error) {
      unstable_rethrow(error);
      const appError = toAppError(error);
      return { ok: false, code: appError.code, error: appError.message, fieldErrors: appError.fieldErrors, values: withoutSecrets(values), details: appError.details };
    }
  };
  // The permission and the schema travel with the action, for the authorisation matrix and the
  // property tests that throw generated input at every action (tests/input/).
  return Object.assign(action, { permission: definition.permission, schema: definition.schema as z.ZodType });
}
