// What the report's two threads say to each other: the main thread reads the database and makes
// each row's cells (./xlsx.ts), the writer's thread turns them into the file (./workbook-thread.ts).

/** How a column's cells look: its header's style, a plain value, a percentage, or an amount in its row's unit. */
export type CellLook = "heading" | "plain" | "percent" | "amount";

export interface SheetSpec {
  title: string;
  columns: { header: string; width: number; look: CellLook }[];
  /** Where each row says the unit of its amounts ("amount" cells); -1 when no column does. */
  unitAt: number;
}

export interface WorkbookProperties {
  title: string;
  subject: string;
  created: Date;
}

export type ToWriter =
  | { kind: "begin"; properties: WorkbookProperties }
  | { kind: "sheet"; sheet: SheetSpec }
  | { kind: "rows"; rows: unknown[][] }
  | { kind: "end" };

export type FromWriter =
  /** A piece of the file, in order. */
  | { kind: "bytes"; chunk: Uint8Array }
  /** The rows sent before have been written (a batch at a time). */
  | { kind: "written" }
  /** The file is complete: every byte was sent before this, and the writer can begin another. */
  | { kind: "done" };
