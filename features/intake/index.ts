// What routes read of intake: the document reader's limits and refusals.
export { DocumentError, intakeLimits } from "./documents";
