// The dashboard's tables as other pages (the briefing) lay them out.
export { breakdownLines, conditionLines, worthLines } from "./breakdown-lines";
export { viewQuery } from "./view-query";
export { historyLines } from "./history-lines";
export { gapPanelLines, kpiCardLines } from "./gap-lines";
