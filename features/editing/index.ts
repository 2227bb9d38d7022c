// What other features and pages read of editing: how a pledge's fields are described (the audit
// trail shows changes in the same words as the editor), a pledge as its form shows it, and the
// kinds of plain record.
export {
  describePledgeField,
  pledgeMergeFields,
  pledgeStateFromAudit,
  sameValue,
  type Names,
} from "./pledge-merge";
export { pledgeFormText } from "./pledge-values";
export {
  isRecordKind,
  recordFormDefaults,
  recordKindList,
  recordKinds,
  recordListColumns,
} from "./record-kinds";
export { recordFirstDirection } from "./record-order";
