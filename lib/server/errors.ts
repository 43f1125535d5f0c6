import "server-only";

export type TAppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "CONFLICT" | "INVALID_INPUT" | "UNAVAILABLE";

/** The one error type use cases throw; each transport maps it once (CONVENTIONS §4). */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: TAppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
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
  UNAVAILABLE: 503,
};
