// What other features read of editing: how a pledge's fields are described (the audit trail shows
// changes in the same words as the editor), and the kinds of plain record.
export {
  describePledgeField,
  pledgeFieldLabels,
  pledgeMergeFields,
  pledgeStateFromAudit,
  sameValue,
  type Names,
} from "./pledge-merge";
export { recordKindList, recordKinds } from "./record-kinds";
