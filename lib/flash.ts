import { z } from "./zod";

// The message a write leaves for the next page it leads to ("Pledge deleted", with Undo), carried in
// a short-lived cookie that the page's toaster reads once and clears.

export const flashSchema = z.object({
  message: z.string().min(1).max(200),
  /** A deleted pledge that "Undo" restores, at the version the delete left it. */
  undo: z.object({ pledgeId: z.string().min(1).max(64), version: z.number().int().min(1) }).optional(),
});

export type Flash = z.infer<typeof flashSchema>;

/** The flash a cookie value holds, or null for anything else (it can be tampered with: it is only shown). */
export function readFlash(value: string | undefined): Flash | null {
  if (!value) return null;
  try {
    const parsed = flashSchema.safeParse(JSON.parse(decodeURIComponent(value)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
