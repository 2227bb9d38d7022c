import "server-only";
import { badParams } from "@/server/api";
import { UnknownConditionError } from "@/features/figures";

/** Turns an unknown condition in a scenario into a 400 naming `assume`; rethrows anything else. */
export function conditionsBadParams(error: unknown): Response {
  if (error instanceof UnknownConditionError) {
    return badParams(error.params);
  }
  throw error;
}
