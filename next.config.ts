import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./server/security-headers.mjs";

// npm run bench builds a second copy, with the browser's source maps, in its own folder: to weigh
// each route's JavaScript by the package it comes from (bench/first-load.ts).
// (server/static-assets.mjs finds the same folder: buildFolder.)
const benchDistDir = process.env.BENCH_DIST_DIR;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // server.mjs compresses what Next.js answers, with brotli where the reader takes it.
  compress: false,
  ...(benchDistDir ? { distDir: benchDistDir, productionBrowserSourceMaps: true } : {}),
  // forbidden() renders app/forbidden.tsx with status 403.
  // The proxy (proxy.ts) sees each request body first and would cut uploads at 10 MB; imports take
  // up to 32 MB (features/imports/read-spreadsheet.ts), refused by the route itself beyond that.
  experimental: {
    authInterrupts: true,
    proxyClientMaxBodySize: "33mb",
    // A phone's first load asks for 7 or 8 scripts rather than 9 to 11: each more costs round trips
    // (150 ms each on the slow 4G Lighthouse emulates) on one of HTTP/1.1's six connections
    // (`npm run bench:lighthouse` prints each page's count). At 150 KB a visit to the main pages
    // downloads no more (173 KiB, 177 before); at 200 KB, modules are copied into several pages' chunks.
    turbopackChunking: { minChunkSize: 150_000 },
  },
  // Native modules stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "playwright-core",
    "exceljs",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// next-intl reads each request's language and catalog from i18n/request.ts.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: {
    messages: { path: "./messages", format: "json", locales: ["en", "uk", "fr"], precompile: true },
  },
});

export default withNextIntl(nextConfig);
