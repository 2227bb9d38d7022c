import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-sm text-slate-700">There is nothing at this address.</p>
      <Link href="/pledges" className="mt-3 inline-block text-sm text-blue-800 underline underline-offset-4">
        Back to the pledges
      </Link>
    </div>
  );
}
