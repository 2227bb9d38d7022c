// The figures' entry point: every screen, route and export that shows a figure comes through here.
export {
  checkScenario,
  loadFigureSources,
  loadFigures,
  loadKnownFigures,
  type Figures,
} from "./load-figures";
export { readDataStamp } from "./queries";
export { breakdownJson, rangeOf, summaryJson, viewTimeJson } from "./json";
export {
  defaultMetric,
  figureParams,
  figureViewOf,
  unknownConditionErrors,
  type FigureParams,
  type FigureView,
} from "./schemas";
