// The API's documents and serialisers as its routes use them.
export { pledgeJson } from "./json";
export { openApiDocument } from "./openapi";
export { changeLogEntries, readChangeLogPage } from "./change-log";
