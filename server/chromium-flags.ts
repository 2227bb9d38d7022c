// How every headless Chromium of the project starts (PDF printing, the end-to-end tests, Lighthouse):
// Debian's build, as root in a container without a GPU, fetching nothing on its own.
export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
