export function separateRendererWanted(env?: Record<string, string | undefined>): boolean;
export function startRenderer(serverFile: string): () => void;
export function announceRenderer(port: number): void;
