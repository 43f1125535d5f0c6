import "server-only";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, logDatabaseUnavailable } from "./database-unavailable";

export type TAppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "CONFLICT"
  | "INVALID_INPUT"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL"
  // The HTTP transport's own: a body that is not JSON, too big, of another type, or a method the path lacks.
  | "MALFORMED_BODY"
  | "BODY_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "METHOD_NOT_ALLOWED";
export type TFieldErrors = Record<string, string[]>;

/** The one error type use cases throw; each transport maps it once (CONVENTIONS §4). */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: TAppErrorCode,
    message: string,
    readonly fieldErrors: TFieldErrors = {},
    /** Extra data for the transport: the conflicting version, seconds to wait … */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const HTTP_STATUS_BY_CODE: Record<TAppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  MALFORMED_BODY: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
};

/** Field errors keyed by dotted path ("citations.0.url"), from a zod error. */
export function fieldErrorsFromZod(error: z.ZodError): TFieldErrors {
  const fieldErrors: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * Maps anything thrown by a use case to an AppError: zod errors to INVALID_INPUT, a database that
 * is away (stopped, restarting, frozen, unreachable: database-unavailable.ts) to UNAVAILABLE with
 * Retry-After, Prisma's unique-constraint (P2002) and missing-record (P2025) errors to CONFLICT
 * and NOT_FOUND. Anything
 * else is logged here, once, and becomes a generic INTERNAL error that reveals nothing.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    return new AppError("INVALID_INPUT", "Some fields need attention.", fieldErrorsFromZod(error));
  }
  if (isDatabaseUnavailable(error)) {
    logDatabaseUnavailable(error);
    return new AppError("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE, {}, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      const target = (error.meta?.target as string[] | string | undefined) ?? "a unique field";
      return new AppError("CONFLICT", `Another record already has the same ${Array.isArray(target) ? target.join(", ") : target}.`);
    }
    if (error.code === "P2025") return new AppError("NOT_FOUND", "The record no longer exists.");
  }
  console.error("unexpected error:", error);
  return new AppError("INTERNAL", "Something went wrong on our side; nothing was saved. Please try again.");
}
