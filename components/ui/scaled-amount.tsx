import { useLocale } from "next-intl";
import { formatQuantity, formatQuantityScaled, type Quantity } from "@/lib/rules/quantity";

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

/** A quantity at a glance ("up to 30K personnel"), exact on hover and for screen readers. */
export function ScaledQuantity({ quantity }: { quantity: Quantity }) {
  const locale = useLocale();
  return (
    <ScaledAmount
      shown={formatQuantityScaled(quantity, { ceilingWords: "up to", locale })}
      exact={formatQuantity(quantity, { ceilingWords: "up to", locale })}
    />
  );
}
