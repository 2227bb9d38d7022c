// @ts-check
// The headers every response carries: Next.js adds them to its own (next.config.ts), the static
// assets' handler to the assets it serves itself (server/static-assets.mjs).
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
