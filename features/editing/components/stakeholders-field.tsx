"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { stakeholderKinds, stakeholderRoles, type StakeholderRole } from "@/lib/rules/vocabulary";
import type { FormState } from "@/features/forms/form-state";
import type { PickerOption } from "@/features/forms/picker-matches";
import { RecordPicker } from "@/features/forms/components/record-picker";
import { onFormPut } from "@/features/forms/components/form-parts";
import { createStakeholderAction } from "../actions";

type Link = { id: string; role: string };

/** The links a form shows: what was submitted (after an error or a conflict), else what is stored. */
function linksOf(state: FormState, stored: Record<string, string>): Link[] {
  const entries = state.values
    ? Object.entries(state.values).filter(([key]) => key.startsWith("role:"))
    : Object.entries(stored).map(([id, role]) => [`role:${id}`, role] as const);
  return entries
    .map(([key, role]) => ({ id: key.slice("role:".length), role: [role].flat()[0] ?? "" }))
    .filter((link) => link.role !== "");
}

/**
 * A pledge's stakeholders, each with its role: a row per linked stakeholder (its role, a remove
 * button) and a picker to add one, or to create one nobody has recorded yet (name and kind).
 * The server reads `role:<id>` for each linked stakeholder, as before the picker.
 */
export function StakeholdersField({
  state,
  stored,
  options: known,
  onCreated,
  label,
  error,
}: {
  state: FormState;
  stored: Record<string, string>;
  /** Every stakeholder recorded, with those created here. */
  options: PickerOption[];
  onCreated: (created: PickerOption) => void;
  label: string;
  error?: string;
}) {
  const [links, setLinks] = useState(() => linksOf(state, stored));
  const [creating, setCreating] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const t = useTranslations("editing");
  const forms = useTranslations("forms");
  const words = useTranslations("vocabulary");
  const locale = useLocale();
  /** Where focus goes once the change is on screen: a stakeholder's role, or the picker. */
  const focusNext = useRef<string | null>(null);
  const box = useRef<HTMLFieldSetElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const chosen = new Set(links.map((link) => link.id));
  const nameOf = (id: string) => known.find((s) => s.id === id)?.label ?? id;

  // Focus follows what changed: the role of a stakeholder just added, or the picker after a removal.
  useEffect(() => {
    const next = focusNext.current;
    if (next === null) return;
    focusNext.current = null;
    const target =
      next === "picker"
        ? picker.current
        : box.current?.querySelector<HTMLSelectElement>(`select[name="role:${CSS.escape(next)}"]`);
    target?.focus();
  });

  // A conflict's "Keep mine" / "Take theirs" sets the links as a whole.
  useEffect(() => {
    const form = box.current?.closest("form");
    if (!form) return;
    const stop = onFormPut(form, (inputs) => {
      const roles = Object.entries(inputs).filter(([key]) => key.startsWith("role:"));
      if (roles.length) setLinks(linksOf({ status: "idle", values: Object.fromEntries(roles) }, {}));
    });
    return stop;
  }, []);

  const add = (option: PickerOption) => {
    const role: StakeholderRole = links.length === 0 ? "pledger" : "contributor";
    setLinks((current) => [...current, { id: option.id, role }]);
    setSaid(t("addedAs", { name: option.label, role: words(`role.${role}`).toLocaleLowerCase(locale) }));
    focusNext.current = option.id;
  };
  const remove = (id: string) => {
    setLinks((current) => current.filter((link) => link.id !== id));
    setSaid(forms("removed", { name: nameOf(id) }));
    focusNext.current = "picker";
  };

  return (
    <fieldset
      ref={box}
      className="space-y-2"
      aria-describedby={error ? "field-stakeholders-error" : undefined}
    >
      <legend className="text-sm font-medium">{label}</legend>
      {error && (
        <p id="field-stakeholders-error" className="field-error">
          {error}
        </p>
      )}
      {links.length === 0 ? (
        <p className="note">{t("noStakeholders")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200">
          {links.map((link) => {
            const name = nameOf(link.id);
            return (
              <li
                key={link.id}
                className="flex flex-wrap items-center justify-between gap-2 px-2 py-1.5 text-sm"
              >
                <span className="font-medium">{name}</span>
                <span className="flex items-center gap-2">
                  <select
                    name={`role:${link.id}`}
                    value={link.role}
                    onChange={(event) => {
                      const role = event.target.value;
                      setLinks((current) => current.map((l) => (l.id === link.id ? { ...l, role } : l)));
                    }}
                    className="field w-40"
                    aria-label={t("roleOf", { name })}
                  >
                    {stakeholderRoles.map((r) => (
                      <option key={r} value={r}>
                        {words(`role.${r}`)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={forms("removeOf", { name })}
                    onClick={() => remove(link.id)}
                  >
                    {forms("remove")}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {creating === null ? (
        <RecordPicker
          id="stakeholder-picker"
          label={t("addStakeholder")}
          hint={t("recordedCount", { count: known.length })}
          options={known}
          exclude={chosen}
          onPick={add}
          onCreate={setCreating}
          createNoun="stakeholder"
          inputRef={picker}
        />
      ) : (
        <NewStakeholder
          name={creating}
          onCreated={(created) => {
            onCreated(created);
            setCreating(null);
            add(created);
          }}
          onCancel={() => {
            setCreating(null);
            focusNext.current = "picker";
          }}
        />
      )}
      <p className="sr-only" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}

/**
 * A stakeholder created without leaving the pledge form: its name and kind, saved at once through
 * the same action and schema as the Records form (its other details can be added there later).
 * Its inputs have no names: the pledge form does not submit them.
 */
function NewStakeholder({
  name,
  onCreated,
  onCancel,
}: {
  name: string;
  onCreated: (created: PickerOption) => void;
  onCancel: () => void;
}) {
  const [outcome, setOutcome] = useState<FormState | null>(null);
  const t = useTranslations("editing");
  const forms = useTranslations("forms");
  const words = useTranslations("vocabulary");
  const cancel = useTranslations("common")("cancel");
  const [pending, start] = useTransition();
  // One creation at a time: a held Enter key repeats, and each would make its own stakeholder.
  const inFlight = useRef(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const kindSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    kindSelect.current?.focus();
  }, []);
  const create = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const form = new FormData();
    form.set("name", nameInput.current?.value ?? "");
    form.set("kind", kindSelect.current?.value ?? "");
    start(async () => {
      const answer = await createStakeholderAction({ status: "idle" }, form);
      inFlight.current = false;
      if (answer.status === "saved" && answer.created) onCreated(answer.created);
      else {
        setOutcome(answer);
        // Focus on the field to fix.
        (answer.fields?.name ? nameInput : kindSelect).current?.focus();
      }
    });
  };
  const error = (field: string) => outcome?.fields?.[field];
  const fieldProps = (field: string) => ({
    id: `new-stakeholder-${field}`,
    "aria-invalid": Boolean(error(field)),
    "aria-describedby": error(field) ? `new-stakeholder-${field}-error` : undefined,
  });
  return (
    <div
      role="group"
      aria-labelledby="new-stakeholder-title"
      className="space-y-3 rounded border border-slate-300 bg-slate-50 p-3"
      onKeyDown={(event) => {
        // Enter creates the stakeholder rather than submitting the pledge; Escape gives up.
        const field = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
        if (event.key === "Enter" && field) {
          event.preventDefault();
          create();
        }
        if (event.key === "Escape") onCancel();
      }}
    >
      <p id="new-stakeholder-title" className="text-sm font-medium">
        {t("newStakeholder")}
      </p>
      {outcome?.message && !outcome.fields && (
        <p role="alert" className="field-error">
          {outcome.message}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="new-stakeholder-name" className="block text-sm font-medium">
            {t("name")}
          </label>
          <input ref={nameInput} {...fieldProps("name")} defaultValue={name} className="field" />
          {error("name") && (
            <p id="new-stakeholder-name-error" className="field-error">
              {error("name")}
            </p>
          )}
        </div>
        <div className="space-y-1">
          <label htmlFor="new-stakeholder-kind" className="block text-sm font-medium">
            {t("kind")}
          </label>
          <select ref={kindSelect} {...fieldProps("kind")} defaultValue="" className="field">
            <option value="">{forms("choose")}</option>
            {stakeholderKinds.map((kind) => (
              <option key={kind} value={kind}>
                {words(`stakeholderKind.${kind}`)}
              </option>
            ))}
          </select>
          {error("kind") && (
            <p id="new-stakeholder-kind-error" className="field-error">
              {error("kind")}
            </p>
          )}
        </div>
      </div>
      <div className="flex gap-2">
        <button
          type="button"
          className="button-primary"
          onClick={create}
          disabled={pending}
          aria-busy={pending}
        >
          {pending ? t("creating") : t("createAndAdd")}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
