"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recordStatusAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import { EventFields, EvidenceFields } from "./evidence-fields";
import {
  formKey,
  FormOutcome,
  SelectField,
  SubmitButton,
  valueOf,
  VersionInput,
} from "@/features/forms/components/form-parts";
import { FormHelp } from "@/features/forms/components/form-help";
import { strongTag } from "@/components/ui/rich-tags";

/** A status change with its evidence: a note, and a source picked from the list or added here. */
export function StatusForm({
  subject,
  id,
  version,
  current,
  statuses,
  sources,
}: {
  subject: "pledge" | "condition";
  id: string;
  version: number;
  current: string;
  statuses: { value: string; label: string }[];
  sources: { id: string; title: string }[];
}) {
  const [state, action, pending] = useActionState(recordStatusAction, idle);
  const value = (name: string) => valueOf(state, name, undefined);
  const error = (name: string) => state.fields?.[name];
  // After a conflict, the status someone else recorded meanwhile: the header and the choices follow it.
  const now = state.conflict?.currentStatus ?? current;
  const label = (status: string) => statuses.find((s) => s.value === status)?.label ?? status;
  const t = useTranslations("editing");
  return (
    <form key={formKey(state)} action={action} className="space-y-4" noValidate>
      <FormHelp state={state}>
        <FormOutcome state={state} />
        <p data-testid="current-status">
          {now !== current
            ? t.rich("statusNowWas", { status: label(now), was: label(current), strong: strongTag })
            : t.rich("statusNow", { status: label(now), strong: strongTag })}
        </p>
        <input type="hidden" name="subject" value={subject} />
        <input type="hidden" name="id" value={id} />
        <VersionInput state={state} version={version} />
        <SelectField
          name="status"
          label={t("newStatus")}
          error={error("status")}
          required
          options={statuses.filter((s) => s.value !== now)}
          placeholder={useTranslations("forms")("choose")}
          defaultValue={value("status")}
        />
        <EventFields
          state={state}
          noteLabel={t("statusNote")}
          dateLabel={t("statusDate")}
          dateHint={t("statusDateHint")}
        />
        <EvidenceFields state={state} sources={sources} />
        <SubmitButton pending={pending}>{t("recordStatus")}</SubmitButton>
      </FormHelp>
    </form>
  );
}
