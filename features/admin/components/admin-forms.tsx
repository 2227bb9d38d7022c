"use client";

import { useActionState, useState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { RevokeForm } from "@/features/forms/components/revoke-form";
import { ShownOnce } from "@/components/ui/shown-once";
import {
  Field,
  formKey,
  FormOutcome,
  InputField,
  SubmitButton,
  valueOf,
} from "@/features/forms/components/form-parts";
import { idle } from "@/features/forms/form-state";
import { accountRoleLabels, defaultTokenLifetime, roles, tokenLifetimes, type Role } from "@/lib/access";
import {
  changeRoleAction,
  createAccountAction,
  createTokenAction,
  deactivateAccountAction,
  reactivateAccountAction,
  renameAccountAction,
  resetPasswordAction,
  revokeTokenAction,
} from "../actions";

function RoleSelect({
  id,
  name,
  value,
  label,
  onChange,
}: {
  id?: string;
  name: string;
  value: string;
  label?: string;
  onChange?: (role: Role) => void;
}) {
  return (
    <select
      id={id}
      name={name}
      defaultValue={value}
      className="field"
      aria-label={label}
      onChange={onChange && ((event) => onChange(event.target.value as Role))}
    >
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
        <InputField
          name="account-name"
          label="Name"
          error={error("name")}
          required
          input={{ name: "name", defaultValue: valueOf(state, "name", "") }}
        />
        <InputField
          name="account-email"
          label="Email"
          error={error("email")}
          required
          input={{ type: "email", name: "email", defaultValue: valueOf(state, "email", "") }}
        />
        <Field name="account-role" label="Role" error={error("role")} required>
          {(props) => <RoleSelect id={props.id} name="role" value={valueOf(state, "role", "viewer")} />}
        </Field>
        <InputField
          name="account-password"
          label="Initial password"
          error={error("password")}
          hint="12 characters or more; pass it on privately"
          required
          input={{ type: "password", name: "password", autoComplete: "new-password" }}
        />
      </div>
      <SubmitButton pending={pending}>Create account</SubmitButton>
    </form>
  );
}

export function RoleForm({ userId, role, email }: { userId: string; role: Role; email: string }) {
  const [state, action, pending] = useActionState(changeRoleAction, idle);
  const [chosen, setChosen] = useState<Role>(role);
  return (
    <form key={formKey(state)} action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <RoleSelect name="role" value={role} label={`Role of ${email}`} onChange={setChosen} />
      {chosen === "admin" && role !== "admin" ? (
        // Admins manage every account and token: granting it is asked twice.
        <ConfirmSubmit
          pending={pending}
          label={`Change role of ${email}`}
          question={`Make ${email} an admin, able to manage every account and token?`}
          confirmLabel="Yes, grant admin"
        >
          Change
        </ConfirmSubmit>
      ) : (
        <button
          type="submit"
          className="button-secondary"
          disabled={pending}
          aria-label={`Change role of ${email}`}
        >
          Change
        </button>
      )}
      <FormOutcome state={state} />
    </form>
  );
}

export function RenameForm({ userId, name, email }: { userId: string; name: string; email: string }) {
  const [state, action, pending] = useActionState(renameAccountAction, idle);
  return (
    <form key={formKey(state)} action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input
        name="name"
        defaultValue={valueOf(state, "name", name)}
        aria-label={`Name of ${email}`}
        maxLength={100}
        required
        className="field w-44"
      />
      <button type="submit" className="button-secondary" disabled={pending}>
        Rename
      </button>
      <FormOutcome state={state} />
    </form>
  );
}

export function AccountStateForm({
  userId,
  email,
  deactivated,
}: {
  userId: string;
  email: string;
  deactivated: boolean;
}) {
  const [state, action, pending] = useActionState(
    deactivated ? reactivateAccountAction : deactivateAccountAction,
    idle,
  );
  return (
    <form key={formKey(state)} action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <span>{deactivated ? "Deactivated" : "Active"}</span>
      {deactivated ? (
        <button
          type="submit"
          className="button-secondary"
          disabled={pending}
          aria-label={`Reactivate ${email}`}
        >
          Reactivate
        </button>
      ) : (
        <ConfirmSubmit
          pending={pending}
          label={`Deactivate ${email}`}
          question={`Deactivate ${email}? Their sessions end and the tokens they made are revoked.`}
          confirmLabel="Yes, deactivate"
        >
          Deactivate
        </ConfirmSubmit>
      )}
      <FormOutcome state={state} />
    </form>
  );
}

export function ResetPasswordForm({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <ConfirmSubmit
        pending={pending}
        label={`Reset password of ${email}`}
        question={`Give ${email} a new password? Their current one stops working and their sessions end.`}
        confirmLabel="Yes, reset"
      >
        Reset password
      </ConfirmSubmit>
      <FormOutcome state={state} />
      <ShownOnce
        secret={state.secret}
        label={`New password for ${email}`}
        testId={`new-password-${userId}`}
      />
    </form>
  );
}

export function TokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <ShownOnce secret={state.secret} label="New token" testId="new-token" />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          name="token-name"
          label="Name"
          error={state.fields?.name}
          required
          hint="what will use it, e.g. nightly export"
          input={{ name: "name" }}
        />
        <Field name="token-role" label="Role" error={state.fields?.role} required>
          {(props) => <RoleSelect id={props.id} name="role" value="viewer" />}
        </Field>
        <Field name="token-days" label="Expires after" error={state.fields?.days} required>
          {(props) => (
            <select {...props} name="days" defaultValue={String(defaultTokenLifetime)} className="field">
              {tokenLifetimes.map((days) => (
                <option key={days} value={days}>
                  {days} days
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitButton pending={pending}>Create token</SubmitButton>
    </form>
  );
}

export function RevokeTokenForm({ id, name }: { id: string; name: string }) {
  return (
    <RevokeForm
      id={id}
      action={revokeTokenAction}
      label={`Revoke ${name}`}
      question={`Revoke “${name}”? Scripts using it stop working at once.`}
    />
  );
}
