/** The Content-Disposition header for a download of `fileName` (ASCII by construction: report-view.ts). */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
