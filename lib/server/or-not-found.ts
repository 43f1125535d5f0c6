import "server-only";
import { notFound } from "next/navigation";
import { AppError, type TAppErrorCode } from "./errors";

/**
 * For pages: awaits a use case, turning "no such record" into the route's not-found page.
 * Lists also pass INVALID_INPUT, so a stale or forged page cursor is a 404, not an error page.
 */
export async function orNotFound<T>(work: Promise<T>, { also = [] }: { also?: TAppErrorCode[] } = {}): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || also.includes(error.code))) notFound();
    throw error;
  }
}
