import "server-only";
// Webhooks as the server starts them (instrumentation.ts) and tests drive them.
export { deliverDue, startWebhookWorker } from "./worker";
