// What admins send about webhook endpoints and the setting that governs where they may point.
import { z } from "zod";
import { optionalText, recordId } from "@/lib/form-fields";
import { webhookEventTypes } from "@/lib/rules/webhooks";

/**
 * A new endpoint: its address (checked against the private-address setting when it is saved), a
 * description, and the events it wants: every one ("all"), or those listed.
 */
export const endpointSchema = z
  .object({
    url: z
      .string({ error: "address is required" })
      .trim()
      .min(1, "address is required")
      .max(2000, "address is at most 2000 characters"),
    description: optionalText("description", 200),
    events: z.union([
      z.literal("all"),
      z
        .array(
          z.enum(webhookEventTypes as [string, ...string[]], { error: "not an event type webhooks send" }),
        )
        .min(1, "choose at least one event, or every event"),
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
