// Generated write bodies for the fuzz tests (Vitest) and the soak's bad-input phase: the write
// routes' field names with values of every kind, plus JSON of any shape.
import fc from "fast-check";

const writeFieldNames = [
  "version",
  "title",
  "status",
  "note",
  "sourceId",
  "source",
  "quantityLow",
  "quantityUnit",
  "category",
  "announcedOn",
  "dueOn",
  "stakeholders",
  "conditionIds",
  "quote",
  "occurredOn",
  "name",
  "mapping",
];

/** A value of any kind a write field might be sent, `known` adding real ids to pick from. */
function anyWriteValue(known: string[] = []) {
  return fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      "stalled",
      "committed",
      "force",
      "personnel",
      "2026-01-31",
      "2026-02-30",
      "1,200",
      "EUR",
      ...known,
    ),
    fc.array(fc.oneof(fc.string(), fc.record({ stakeholderId: fc.string(), role: fc.string() })), {
      maxLength: 3,
    }),
    fc.record(
      { title: fc.string(), quote: fc.string(), url: fc.oneof(fc.string(), fc.webUrl()) },
      { requiredKeys: [] },
    ),
  );
}

/** An object of up to six write fields (or other keys) with values of any kind. */
export function writeBody(known: string[] = []) {
  return fc.dictionary(fc.oneof(fc.constantFrom(...writeFieldNames), fc.string()), anyWriteValue(known), {
    maxKeys: 6,
  });
}
