import Link from "next/link";

// Rendered with status 403 when a signed-in role lacks the permission a page needs.
export default function Forbidden() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Not allowed</h1>
      <p>Your role does not allow this page. An admin can change your role.</p>
      <p>
        <Link href="/dashboard" className="link">
          Back to the dashboard
        </Link>
      </p>
    </div>
  );
}
