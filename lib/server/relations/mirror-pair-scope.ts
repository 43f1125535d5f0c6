import "server-only";
import { AppError } from "../errors";
import { canonicalPair } from "./get-relation";

/** Refuses a judgment on two measures that are not one each way between the parties of the mirror view it was made in. */
export function assertBetween(pair: readonly [string, string], firstImposer: string, secondImposer: string): void {
  const [first, second] = canonicalPair(pair[0], pair[1]);
  const [one, other] = canonicalPair(firstImposer, secondImposer);
  if (first !== one || second !== other) {
    throw new AppError("INVALID_INPUT", `These two measures are not one each way between ${first} and ${second}.`, { secondSlug: ["Choose a measure of the other party of this relation"] });
  }
}
