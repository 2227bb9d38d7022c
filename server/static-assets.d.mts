import type { IncomingMessage, ServerResponse } from "node:http";

export function buildFolder(projectRoot: string): string;
export function precompressStaticAssets(
  distDir: string,
): Promise<{ files: number; before: number; after: number }>;
export function serveStaticAssets(
  distDir: string,
): (request: IncomingMessage, response: ServerResponse) => boolean;
