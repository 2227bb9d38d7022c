// Vitest runs server modules outside React's server environment; `server-only` would refuse them.
export {};
