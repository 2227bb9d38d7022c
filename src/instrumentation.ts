// Runs once when the server starts: fail fast, with a message naming the variable, on a bad environment.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireDatabaseUrl } = await import("./server/env");
  requireDatabaseUrl();
}
