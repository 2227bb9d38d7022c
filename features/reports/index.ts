// The exports as routes use them: the file writers and their names.
export { auditCsv, pledgesCsv } from "./exports/csv";
export { datasetJson } from "./exports/dataset";
export { attachment, exportFileName } from "./exports/file-name";
export { writeReport } from "./exports/xlsx";
