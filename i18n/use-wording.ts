import { useTranslations } from "next-intl";
import type { Wording } from "@/lib/validation-message";

/**
 * Words validation messages in the browser, where a form checks its fields as they are left: the
 * page hands it the "validation" namespace (ClientMessages).
 */
export function useValidationWording(): Wording {
  const t = useTranslations("validation");
  const word = (key: string, args: Record<string, string | number>) =>
    t(key as "required", args as { what: string });
  return Object.assign(word, { has: (key: string) => t.has(key as "required") });
}
