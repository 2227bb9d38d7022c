"use client";

import { useActionState } from "react";
import { Field, formKey, FormOutcome, SubmitButton, valueOf } from "@/features/forms/components/form-parts";
import { idle } from "@/features/forms/form-state";
import { changeOwnNameAction, changeOwnPasswordAction } from "../actions";

export function OwnNameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(changeOwnNameAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <Field
        name="own-name"
        label="Name"
        error={state.fields?.name}
        hint="as your edits and notes are signed"
        required
      >
        {(props) => (
          <input
            {...props}
            name="name"
            defaultValue={valueOf(state, "name", name)}
            maxLength={100}
            className="field"
          />
        )}
      </Field>
      <SubmitButton pending={pending}>Save name</SubmitButton>
    </form>
  );
}

export function OwnPasswordForm() {
  const [state, action, pending] = useActionState(changeOwnPasswordAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <Field name="current-password" label="Current password" error={state.fields?.currentPassword} required>
        {(props) => (
          <input
            {...props}
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            className="field"
          />
        )}
      </Field>
      <Field
        name="new-password"
        label="New password"
        error={state.fields?.newPassword}
        hint="12 characters or more; your other sessions end"
        required
      >
        {(props) => (
          <input
            {...props}
            type="password"
            name="newPassword"
            autoComplete="new-password"
            className="field"
          />
        )}
      </Field>
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </form>
  );
}
