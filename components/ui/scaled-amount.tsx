/**
 * An amount at a glance ("€12.3 bn") with its exact figure on hover and for screen readers, which
 * read the exact one in place of the rounded.
 */
export function ScaledAmount({ shown, exact }: { shown: string; exact: string }) {
  if (shown === exact) return <>{shown}</>;
  return (
    <span title={exact}>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{exact}</span>
    </span>
  );
}
