"use client";

export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-6">
      <h1 className="text-lg font-semibold text-rose-950">Something went wrong loading this page</h1>
      <p className="mt-1 text-sm text-rose-950">
        The error has been logged. Try again, or come back in a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded bg-rose-800 px-3 py-1.5 text-sm text-white"
      >
        Try again
      </button>
    </div>
  );
}
