"use client";

import { useActionState } from "react";
import { accountRoleLabels, roles, type Role } from "@/lib/access";
import { changeRoleAction, createAccountAction, createTokenAction, revokeTokenAction } from "../actions";
import { idle } from "../form-state";
import { Field, formKey, FormOutcome, SubmitButton, valueOf } from "./form-parts";

function RoleSelect({
  id,
  name,
  value,
  label,
}: {
  id?: string;
  name: string;
  value: string;
  label?: string;
}) {
  return (
    <select id={id} name={name} defaultValue={value} className="field" aria-label={label}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {accountRoleLabels[role]}
        </option>
      ))}
    </select>
  );
}

export function AccountForm() {
  const [state, action, pending] = useActionState(createAccountAction, idle);
  const error = (name: string) => state.fields?.[name];
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="account-name" label="Name" error={error("name")} required>
          {(props) => (
            <input {...props} name="name" defaultValue={valueOf(state, "name", "")} className="field" />
          )}
        </Field>
        <Field name="account-email" label="Email" error={error("email")} required>
          {(props) => (
            <input
              {...props}
              type="email"
              name="email"
              defaultValue={valueOf(state, "email", "")}
              className="field"
            />
          )}
        </Field>
        <Field name="account-role" label="Role" error={error("role")} required>
          {(props) => <RoleSelect id={props.id} name="role" value={valueOf(state, "role", "viewer")} />}
        </Field>
        <Field
          name="account-password"
          label="Initial password"
          error={error("password")}
          hint="12 characters or more; pass it on privately"
          required
        >
          {(props) => (
            <input {...props} type="password" name="password" autoComplete="new-password" className="field" />
          )}
        </Field>
      </div>
      <SubmitButton pending={pending}>Create account</SubmitButton>
    </form>
  );
}

export function RoleForm({ userId, role, email }: { userId: string; role: Role; email: string }) {
  const [state, action, pending] = useActionState(changeRoleAction, idle);
  return (
    <form key={formKey(state)} action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <RoleSelect name="role" value={role} label={`Role of ${email}`} />
      <button type="submit" className="button-secondary" disabled={pending}>
        Change
      </button>
      <FormOutcome state={state} />
    </form>
  );
}

export function TokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      {state.secret && (
        <p className="rounded border border-slate-300 bg-slate-50 p-2">
          <label htmlFor="new-token" className="block text-sm font-medium">
            New token (shown once)
          </label>
          <input
            id="new-token"
            readOnly
            value={state.secret}
            className="field font-mono"
            data-testid="new-token"
          />
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          name="token-name"
          label="Name"
          error={state.fields?.name}
          required
          hint="what will use it, e.g. nightly export"
        >
          {(props) => <input {...props} name="name" className="field" />}
        </Field>
        <Field name="token-role" label="Role" error={state.fields?.role} required>
          {(props) => <RoleSelect id={props.id} name="role" value="viewer" />}
        </Field>
      </div>
      <SubmitButton pending={pending}>Create token</SubmitButton>
    </form>
  );
}

export function RevokeTokenForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction, idle);
  return (
    <form key={formKey(state)} action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button-danger" disabled={pending} aria-label={`Revoke ${name}`}>
        Revoke
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
