import { inEnglish } from "@/i18n/translate";

/** The English words `work` is refused with (its message's references worded); fails when it is not refused. */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return inEnglish((error as Error).message);
  }
  throw new Error("the work was not refused");
}
