"use client";

import { useActionState } from "react";
import {
  formKey,
  FormOutcome,
  InputField,
  SubmitButton,
  TextAreaField,
  valueOf,
} from "@/features/forms/components/form-parts";
import { FormHelp } from "@/features/forms/components/form-help";
import { idle } from "@/features/forms/form-state";
import { publishReleaseAction } from "../actions";

/** Publishes the next release: a title and notes; the files are written while the button waits. */
export function PublishReleaseForm({ next }: { next: number }) {
  const [state, action, pending] = useActionState(publishReleaseAction, idle);
  const error = (name: string) => state.fields?.[name];
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormHelp state={state}>
        <FormOutcome state={state} />
        <InputField
          name="release-title"
          label="Title"
          error={error("title")}
          hint={`Published as “Release ${next}: …” (or the next number, if someone publishes first)`}
          required
          input={{ name: "title", defaultValue: valueOf(state, "title", ""), maxLength: 200 }}
        />
        <TextAreaField
          name="notes"
          label="Notes"
          error={error("notes")}
          hint="What is new in it, and anything a reader should know"
          rows={4}
          maxLength={5000}
          defaultValue={valueOf(state, "notes", "")}
        />
        <p className="note">
          Publishing takes a few seconds (half a minute for ten thousand pledges): every file of the release
          is written then, and never again.
        </p>
        <SubmitButton pending={pending}>Publish release {next}</SubmitButton>
      </FormHelp>
    </form>
  );
}
