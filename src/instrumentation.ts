// Runs once when the server starts: fail fast, with a message naming the variable, on a bad
// environment; then make sure someone can sign in.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireAuthSecret, requireDatabaseUrl, publicReadEnabled } = await import("./server/env");
  requireDatabaseUrl();
  requireAuthSecret();
  publicReadEnabled();
  const [{ db }, { ensureFirstAdmin }] = await Promise.all([
    import("./server/db"),
    import("./server/accounts"),
  ]);
  await ensureFirstAdmin(db());
}
