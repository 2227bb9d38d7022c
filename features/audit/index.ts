// The audit trail as other features read it.
export type { AuditLine } from "./audit-lines";
