// The import as routes and pages use it: the fields a file may fill, the limits, and the run.
export { summarizeErrors } from "./error-summary";
export { importFieldLabels, importFields, importLimits } from "./fields";
export { ImportFileError } from "./read-spreadsheet";
export { runImport, type ImportStreamEvent } from "./run-import";
