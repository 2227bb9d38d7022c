"use client";

import { useTranslations } from "next-intl";
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
import { defaultTokenLifetime, roles, type Role } from "@/lib/access";
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
  const t = useTranslations("admin");
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
          {t("roleOption", { role })}
        </option>
      ))}
    </select>
  );
}

export function AccountForm() {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(createAccountAction, idle);
  const error = (name: string) => state.fields?.[name];
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          name="account-name"
          label={t("name")}
          error={error("name")}
          required
          input={{ name: "name", defaultValue: valueOf(state, "name", "") }}
        />
        <InputField
          name="account-email"
          label={t("email")}
          error={error("email")}
          required
          input={{ type: "email", name: "email", defaultValue: valueOf(state, "email", "") }}
        />
        <Field name="account-role" label={t("role")} error={error("role")} required>
          {(props) => <RoleSelect id={props.id} name="role" value={valueOf(state, "role", "viewer")} />}
        </Field>
        <InputField
          name="account-password"
          label={t("initialPassword")}
          error={error("password")}
          hint={t("passwordHint")}
          required
          input={{ type: "password", name: "password", autoComplete: "new-password" }}
        />
      </div>
      <SubmitButton pending={pending}>{t("createAccount")}</SubmitButton>
    </form>
  );
}

export function RoleForm({ userId, role, email }: { userId: string; role: Role; email: string }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(changeRoleAction, idle);
  const [chosen, setChosen] = useState<Role>(role);
  return (
    <form key={formKey(state)} action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <RoleSelect name="role" value={role} label={t("roleOf", { email })} onChange={setChosen} />
      {chosen === "admin" && role !== "admin" ? (
        // Admins manage every account and token: granting it is asked twice.
        <ConfirmSubmit
          pending={pending}
          label={t("changeRoleOf", { email })}
          question={t("makeAdmin", { email })}
          confirmLabel={t("yesGrantAdmin")}
        >
          {t("change")}
        </ConfirmSubmit>
      ) : (
        <button
          type="submit"
          className="button-secondary"
          disabled={pending}
          aria-label={t("changeRoleOf", { email })}
        >
          {t("change")}
        </button>
      )}
      <FormOutcome state={state} />
    </form>
  );
}

export function RenameForm({ userId, name, email }: { userId: string; name: string; email: string }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(renameAccountAction, idle);
  return (
    <form key={formKey(state)} action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input
        name="name"
        defaultValue={valueOf(state, "name", name)}
        aria-label={t("nameOf", { email })}
        maxLength={100}
        required
        className="field w-44"
      />
      <button type="submit" className="button-secondary" disabled={pending}>
        {t("rename")}
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
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(
    deactivated ? reactivateAccountAction : deactivateAccountAction,
    idle,
  );
  return (
    <form key={formKey(state)} action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <span>{deactivated ? t("deactivated") : t("active")}</span>
      {deactivated ? (
        <button
          type="submit"
          className="button-secondary"
          disabled={pending}
          aria-label={t("reactivateLabel", { email })}
        >
          {t("reactivate")}
        </button>
      ) : (
        <ConfirmSubmit
          pending={pending}
          label={t("deactivateLabel", { email })}
          question={t("deactivateQuestion", { email })}
          confirmLabel={t("yesDeactivate")}
        >
          {t("deactivate")}
        </ConfirmSubmit>
      )}
      <FormOutcome state={state} />
    </form>
  );
}

export function ResetPasswordForm({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(resetPasswordAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <ConfirmSubmit
        pending={pending}
        label={t("resetLabel", { email })}
        question={t("resetQuestion", { email })}
        confirmLabel={t("yesReset")}
      >
        {t("resetPassword")}
      </ConfirmSubmit>
      <FormOutcome state={state} />
      <ShownOnce
        secret={state.secret}
        label={t("newPasswordFor", { email })}
        testId={`new-password-${userId}`}
      />
    </form>
  );
}

/** `lifetimes`: the lifetimes a token may have, in days, each with its words (written on the server: no plural rules in the browser). */
export function TokenForm({ lifetimes }: { lifetimes: { days: number; label: string }[] }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(createTokenAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <ShownOnce secret={state.secret} label={t("newToken")} testId="new-token" />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          name="token-name"
          label={t("name")}
          error={state.fields?.name}
          required
          hint={t("tokenNameHint")}
          input={{ name: "name" }}
        />
        <Field name="token-role" label={t("role")} error={state.fields?.role} required>
          {(props) => <RoleSelect id={props.id} name="role" value="viewer" />}
        </Field>
        <Field name="token-days" label={t("expiresAfter")} error={state.fields?.days} required>
          {(props) => (
            <select {...props} name="days" defaultValue={String(defaultTokenLifetime)} className="field">
              {lifetimes.map(({ days, label }) => (
                <option key={days} value={days}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitButton pending={pending}>{t("createToken")}</SubmitButton>
    </form>
  );
}

export function RevokeTokenForm({ id, name }: { id: string; name: string }) {
  const t = useTranslations("admin");
  return (
    <RevokeForm
      id={id}
      action={revokeTokenAction}
      label={t("revokeLabel", { name })}
      question={t("revokeQuestion", { name })}
    />
  );
}
