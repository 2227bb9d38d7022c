// Runs once when the server starts: fail fast, with a message naming the variable, on a bad
// environment; then make sure someone can sign in.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireAuthSecret, requireDatabaseUrl, publicReadEnabled, bootstrapAdminFromEnv } =
    await import("./server/env");
  try {
    requireDatabaseUrl();
    requireAuthSecret();
    publicReadEnabled();
    bootstrapAdminFromEnv();
  } catch (error) {
    // A server that cannot work should not listen: stop, naming the variable, with a failing status.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const [{ db }, { ensureFirstAdmin }] = await Promise.all([
    import("./server/db"),
    import("./server/accounts"),
  ]);
  await ensureFirstAdmin(db());
}
