// @ts-check
// After `next build` (npm's postbuild): the build's static assets compressed once, at brotli's and
// gzip's best, for the server to send as they are (server/static-assets.mjs).
import path from "node:path";
import { buildFolder, precompressStaticAssets } from "../server/static-assets.mjs";

const distDir = buildFolder(path.join(import.meta.dirname, ".."));
const started = performance.now();
const { files, before, after } = await precompressStaticAssets(distDir);
const kib = (bytes) => (bytes / 1024).toFixed(0);
console.log(
  `Compressed ${files} static assets: ${kib(before)} KiB to ${kib(after)} KiB (brotli) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
