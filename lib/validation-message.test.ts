import { describe, expect, it } from "vitest";
import { validationWording } from "@/i18n/translate";
import { invalid, worded, wordedFields } from "./validation-message";

describe("validation messages", () => {
  it("are worded where they are read, in the reader's language, the field's noun too", () => {
    const message = invalid("required", { what: "title" });
    expect(worded(message, validationWording("en"))).toBe("title is required");
    expect(worded(message, validationWording("uk"))).toBe("Поле «назва» обов’язкове");
    expect(worded(message, validationWording("fr"))).toBe("Le champ «\u00a0titre\u00a0» est obligatoire");
  });

  it("keep an English noun the catalog does not know yet, and words inside a longer message", () => {
    const message = `filters: ${invalid("tooLong", { what: "webhook secret", max: 64 })}`;
    expect(worded(message, validationWording("uk"))).toBe(
      "filters: Поле «webhook secret» — щонайбільше 64 символи",
    );
  });

  it("word a reference given as another's argument, and references side by side", () => {
    const nested = invalid("refusal.notPublished", { why: invalid("refusal.briefingNotPrinted") });
    expect(worded(nested, validationWording("en"))).toBe(
      "Nothing was published: the briefing could not be printed. Try again shortly.",
    );
    expect(worded(nested, validationWording("uk"))).toBe(
      "Нічого не опубліковано: не вдалося надрукувати PDF-довідку. Спробуйте ще раз трохи згодом.",
    );
    const pair = `${invalid("labelled", { what: "lowest quantity" })} ${invalid("amountNotNumber", { text: "many" })}`;
    expect(worded(pair, validationWording("fr"))).toBe(
      "quantité minimale\u00a0: «\u00a0many\u00a0» n’est pas un nombre",
    );
  });

  it("word an argument holding a line separator, or the bounds themselves", () => {
    const typed = invalid("amountNotNumber", { text: "ab\u2028cd" });
    expect(worded(typed, validationWording("en"))).toBe('"ab\u2028cd" is not a number');
    const bounds = invalid("amountNotNumber", { text: "\u2064x\u2063" });
    expect(worded(bounds, validationWording("en"))).toBe('"\u2064x\u2063" is not a number');
  });

  it("leave a person's text and a broken reference as they are", () => {
    const english = validationWording("en");
    expect(worded("nothing to word", english)).toBe("nothing to word");
    const broken = invalid("required").replace("[", "{");
    expect(worded(broken, english)).toBe(broken);
    expect(wordedFields({ note: invalid("sayWhatDelivered"), title: "as is" }, english)).toEqual({
      note: "say what was delivered: note is required",
      title: "as is",
    });
  });
});
