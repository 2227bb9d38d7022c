import { describe, expect, it } from "vitest";
import { inEnglish, validationWording } from "@/i18n/translate";
import { worded } from "./validation-message";
import { z } from "./zod";

const refusal = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues[0]?.message ?? "";

describe("zod's own messages", () => {
  it("are the catalog's, in each language", () => {
    const tooLong = refusal(z.string().max(3), "four");
    expect(inEnglish(tooLong)).toBe("is at most 3 characters");
    expect(worded(tooLong, validationWording("uk"))).toBe("має бути не довшим за 3 символи");
    expect(worded(tooLong, validationWording("fr"))).toBe("compte au plus 3 caractères");
  });

  it("say what they found: unknown keys, a wrong type, an empty text, a value not allowed", () => {
    const strict = z.object({ title: z.string() }).strict();
    expect(inEnglish(refusal(strict, { title: "A", colour: "red" }))).toBe("unknown field: colour");
    expect(worded(refusal(strict, { title: 3 }), validationWording("fr"))).toBe("doit être du texte");
    expect(inEnglish(refusal(z.string().min(1), ""))).toBe("must not be empty");
    expect(inEnglish(refusal(z.string().min(21), "short"))).toBe("is at least 21 characters");
    expect(worded(refusal(z.string().min(21), "short"), validationWording("uk"))).toBe(
      "має бути не коротшим за 21 символ",
    );
    expect(inEnglish(refusal(z.literal("yes"), "no"))).toBe("must be one of: yes");
  });

  it("give way to a schema's own message", () => {
    expect(refusal(z.string().max(3, "three at most"), "four")).toBe("three at most");
  });
});
