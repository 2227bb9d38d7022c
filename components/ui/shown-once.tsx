import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** A secret shown once (a new token, a reset password, a personal feed address), with a button that copies it. */
export function ShownOnce({
  secret,
  label,
  testId,
}: {
  secret: string | undefined;
  label: string;
  testId: string;
}) {
  const t = useTranslations("common");
  if (!secret) return null;
  const id = `${testId}-value`;
  return (
    <div className="space-y-1 rounded border border-slate-300 bg-slate-50 p-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("shownOnce", { label })}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input id={id} readOnly value={secret} className="field font-mono" data-testid={testId} />
        <CopyButton text={secret} />
      </div>
    </div>
  );
}
