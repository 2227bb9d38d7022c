/** A chart's tooltip in words, with bounds: the table's figures for what is pointed at. */
export function TooltipCard({ title, lines }: { title: string; lines: readonly string[] }) {
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow">
      <p className="font-semibold">{title}</p>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
