export default function PledgesLoading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading pledges">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-64 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
