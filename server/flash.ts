import "server-only";
import { cookies } from "next/headers";
import type { Flash } from "@/lib/flash";
import { flashCookie } from "@/lib/flash-cookie";

/** Leaves `flash` for the page a server action redirects to; the toaster there shows it once. */
export async function flash(message: Flash): Promise<void> {
  // Next.js writes the value URI-encoded; the toaster decodes it.
  (await cookies()).set(flashCookie, JSON.stringify(message), {
    path: "/",
    maxAge: 60,
    sameSite: "lax",
    // Read by the page's script, which clears it: it holds nothing but the words to show.
    httpOnly: false,
  });
}
