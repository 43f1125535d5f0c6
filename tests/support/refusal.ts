import { expect } from "vitest";
import { AppError } from "../../lib/server/errors";

/** The AppError a use case was refused with; the test fails if it resolved or threw anything else. */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
