import type { IncomingHttpHeaders } from "node:http";
import type { BlockList } from "node:net";

export function parseTrustedProxies(value: string | undefined): BlockList;
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList,
): string;
export function bodyLimitFor(path: string): number;
export function admitRequest(
  request: {
    method?: string;
    url?: string;
    headers: IncomingHttpHeaders;
    socket: { remoteAddress?: string };
  },
  trusted: BlockList,
): { status: number; message: string } | null;
