export interface Column {
  label: string;
  /** Right-aligned, for figures. */
  numeric?: boolean;
}

/**
 * A table's column headings. In a `.data-table` the stylesheet spaces them; `padded` tables (the
 * pledge list, whose cells carry their own padding) get the spacing here.
 */
export function TableHead({
  columns,
  className = "",
  padded = false,
}: {
  columns: (string | Column)[];
  className?: string;
  /** For tables whose cells carry their own horizontal padding. */
  padded?: boolean;
}) {
  return (
    <thead className={padded ? `text-left text-slate-700 ${className}` : className || undefined}>
      <tr>
        {columns.map((column) => {
          const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
          const classes = padded
            ? `px-3 py-2 font-semibold ${numeric ? "text-right" : ""}`
            : numeric
              ? "num"
              : undefined;
          return (
            <th key={label} scope="col" className={classes}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
