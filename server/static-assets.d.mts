import type { IncomingMessage, ServerResponse } from "node:http";

export function precompressStaticAssets(
  distDir: string,
): Promise<{ files: number; before: number; after: number }>;
export function serveStaticAssets(
  distDir: string,
): (request: IncomingMessage, response: ServerResponse) => boolean;
