export interface Column {
  label: string;
  /** Right-aligned, for figures. */
  numeric?: boolean;
}

/** A table's column headings, spaced and aligned alike everywhere. */
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
    <thead className={`text-left text-slate-700 ${className}`}>
      <tr>
        {columns.map((column, index) => {
          const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
          const spacing = padded ? "px-3 py-2" : index < columns.length - 1 ? "py-1 pr-3" : "py-1";
          return (
            <th key={label} scope="col" className={`font-semibold ${spacing} ${numeric ? "text-right" : ""}`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
