import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
          Pledgewatch
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-4 text-sm">
            <li>
              <Link href="/dashboard" className="text-slate-700 underline-offset-4 hover:underline">
                Dashboard
              </Link>
            </li>
            <li>
              <Link href="/pledges" className="text-slate-700 underline-offset-4 hover:underline">
                Pledges
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
