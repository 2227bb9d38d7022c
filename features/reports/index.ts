// The exports as routes use them: the file writers and their names.
export { auditCsv, pledgesCsv } from "./exports/csv";
export { datasetJson } from "./exports/dataset";
export { attachment } from "./exports/file-name";
export { reportAbout, reportFileName, type AboutLine, type ReportAbout } from "./report-about";
export { writeReport } from "./exports/xlsx";
export { dataPackageZip } from "./exports/datapackage";
export { loadReportInput } from "./report-input";
export { printBriefing } from "./briefing-pdf";
