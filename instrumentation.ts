// Runs once when the server starts (server/startup.ts): fail fast on a bad environment, then make
// sure someone can sign in; then start sending webhooks (features/webhooks).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("./server/startup");
  await startUp();
  const { startWebhookWorker } = await import("./features/webhooks");
  startWebhookWorker();
}
