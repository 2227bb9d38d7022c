// zod as every schema here uses it: the checks a schema gives no message of its own (a `.max(300)`,
// an unknown key of a strict object, a value of the wrong type) say what is wrong as catalog
// references too (lib/validation-message.ts), so that they reach a person in their language like
// the rest. Schemas import `z` from here, never from "zod" (eslint.config.mjs holds to it).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { z } from "zod";
import { invalid } from "./validation-message";

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return invalid("zod.invalidType", { expected: String(issue.expected) });
      case "too_big":
        return invalid("zod.tooBig", { origin: String(issue.origin), maximum: Number(issue.maximum) });
      case "too_small":
        return invalid("zod.tooSmall", { origin: String(issue.origin), minimum: Number(issue.minimum) });
      case "invalid_format":
        return invalid("zod.invalidFormat", { format: String(issue.format) });
      case "not_multiple_of":
        return invalid("zod.notMultipleOf", { divisor: Number(issue.divisor) });
      case "unrecognized_keys":
        return invalid("zod.unknownKeys", { count: issue.keys.length, keys: issue.keys.join(", ") });
      case "invalid_value":
        return invalid("zod.invalidValue", { values: issue.values.map(String).join(", ") });
      case "invalid_union":
        return invalid("zod.invalidUnion");
      case "invalid_key":
        return invalid("zod.invalidKey");
      case "invalid_element":
        return invalid("zod.invalidElement");
      case "custom":
        return invalid("zod.invalid");
    }
  },
});

export { z };
