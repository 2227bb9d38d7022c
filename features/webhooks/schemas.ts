// What admins send about webhook endpoints and the setting that governs where they may point.
import { z } from "@/lib/zod";
import { optionalText, recordId, text } from "@/lib/form-fields";
import { invalid } from "@/lib/validation-message";
import { webhookEventTypes } from "@/lib/rules/webhooks";

/**
 * A new endpoint: its address (checked against the private-address setting when it is saved), a
 * description, and the events it wants: every one ("all"), or those listed.
 */
export const endpointSchema = z
  .object({
    url: text("URL", 2000),
    description: optionalText("description", 200),
    events: z.union([
      z.literal("all"),
      z
        .array(
          z.enum(webhookEventTypes as [string, ...string[]], { error: invalid("refusal.notWebhookEvent") }),
        )
        .min(1, invalid("refusal.chooseWebhookEvents")),
    ]),
  })
  .strict();

export type EndpointInput = z.output<typeof endpointSchema>;

export const endpointIdSchema = z.object({ id: recordId("endpoint") }).strict();

export const endpointStateSchema = z
  .object({ id: recordId("endpoint"), enabled: z.enum(["yes", "no"]).transform((value) => value === "yes") })
  .strict();

export const privateTargetsSchema = z
  .object({ allow: z.enum(["yes", "no"]).transform((value) => value === "yes") })
  .strict();
