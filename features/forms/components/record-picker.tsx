"use client";

import {
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ContextType,
  type Ref,
  type RefObject,
} from "react";
import {
  Button,
  ComboBox,
  ComboBoxStateContext,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import { useTranslations } from "next-intl";
import { useFieldError } from "./form-help";
import { pickerMatches, type PickerMatches, type PickerOption } from "@/features/forms/picker-matches";

/** How many matches the list shows: typing narrows a long list, rendering thousands would not. */
const shownAtMost = 50;
const createKey = "\u0000create";

/** What a picker may create when nothing matches the name typed. */
export type CreatableNoun = "source" | "stakeholder";

/** The matches a picker lists, and after them, when `createNoun` is given, "Create … “name”". */
function useOffered(matches: PickerMatches, createNoun: CreatableNoun | false | undefined): PickerOption[] {
  const t = useTranslations("forms");
  return createNoun && matches.creatable
    ? [...matches.shown, { id: createKey, label: t("create", { noun: createNoun, name: matches.creatable }) }]
    : matches.shown;
}

/** Enter on a closed list picks nothing: it must not submit the whole form either. */
const keepEnterFromForm = (event: { key: string; preventDefault(): void }) => {
  if (event.key === "Enter") event.preventDefault();
};

/**
 * A searchable list to add one record at a time (a stakeholder, a condition, a source): React
 * Aria's combobox (ARIA 1.2 pattern, arrow keys, Enter, Escape). With `onCreate`, a name nobody
 * has yet is offered as "Create … “name”". It submits nothing itself: what is picked goes to the
 * field around it, which holds the inputs the server reads.
 */
export function RecordPicker({
  id,
  label,
  hint,
  error,
  options,
  exclude,
  onPick,
  onCreate,
  createNoun,
  inputRef,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly PickerOption[];
  /** Already chosen: not offered again. */
  exclude: ReadonlySet<string>;
  onPick: (option: PickerOption) => void;
  onCreate?: (name: string) => void;
  createNoun?: CreatableNoun;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const t = useTranslations("forms");
  const [query, setQuery] = useState("");
  // Clearing the text after a pick would reopen the list (React Aria opens it when the text
  // changes); the list closes once that has happened, as after any choice.
  const state = useRef<ComboBoxStateOf | null>(null);
  const closeList = useRef(false);
  useEffect(() => {
    if (!closeList.current) return;
    closeList.current = false;
    state.current?.close();
  });
  const matches = useMemo(
    () => pickerMatches(options, query, exclude, shownAtMost),
    [options, query, exclude],
  );
  const items = useOffered(matches, onCreate && createNoun);
  return (
    <ComboBox
      id={id}
      className="space-y-1"
      items={items}
      inputValue={query}
      onInputChange={setQuery}
      selectedKey={null}
      onSelectionChange={(key) => {
        if (key === null) return;
        if (key === createKey) onCreate?.(matches.creatable ?? query.trim());
        else {
          const option = options.find((o) => o.id === key);
          if (option) onPick(option);
        }
        setQuery("");
        closeList.current = true;
      }}
      allowsEmptyCollection
      isInvalid={Boolean(error)}
      onKeyDown={keepEnterFromForm}
    >
      <Label className="block text-sm font-medium">{label}</Label>
      <StateHandle intoRef={state} />
      <PickerInput inputRef={inputRef} />
      <PickerNotes id={id} hint={hint} error={error} matches={matches} />
      <PickerList
        empty={matches.chosen ? t("alreadyAdded", { label: matches.chosen.label }) : t("noMatch", { query })}
      />
    </ComboBox>
  );
}

/**
 * One record chosen from many (a source): a combobox showing the chosen record's name, submitted as
 * its id under `name`. With `onCreate`, a name nobody has is offered as "Create … “name”".
 */
export function RecordChoice({
  id,
  name,
  label,
  hint,
  error: serverError,
  options,
  defaultValue,
  onCreate,
  createNoun,
  required,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly PickerOption[];
  defaultValue?: string;
  onCreate?: (name: string) => void;
  createNoun?: CreatableNoun;
  required?: boolean;
}) {
  const t = useTranslations("forms");
  const error = useFieldError(name, serverError);
  const labelOf = (key: string | null) => options.find((o) => o.id === key)?.label ?? "";
  const [selected, setSelected] = useState<string | null>(defaultValue || null);
  const [query, setQuery] = useState(() => labelOf(defaultValue || null));
  // Showing the chosen record's name is not a search: opening the list then offers every record.
  const searched = query === labelOf(selected) ? "" : query;
  const matches = useMemo(() => pickerMatches(options, searched, none, shownAtMost), [options, searched]);
  const items = useOffered(matches, onCreate && createNoun);
  return (
    <ComboBox
      id={id}
      name={name}
      data-field-name={name}
      formValue="key"
      className="space-y-1"
      items={items}
      inputValue={query}
      onInputChange={(text) => {
        setQuery(text);
        // Emptying the box clears an optional choice (React Aria leaves that to a controlled field).
        if (text.trim() === "") setSelected(null);
      }}
      selectedKey={selected}
      onSelectionChange={(key) => {
        if (key === createKey) {
          onCreate?.(matches.creatable ?? query.trim());
          return;
        }
        const chosen = key === null ? null : String(key);
        setSelected(chosen);
        setQuery(labelOf(chosen));
      }}
      allowsEmptyCollection
      isInvalid={Boolean(error)}
      isRequired={required}
      validationBehavior="aria"
      onKeyDown={keepEnterFromForm}
    >
      {/* The mark stays out of the label: React Aria names the list after it too. */}
      <div className="text-sm font-medium">
        <Label>{label}</Label>
        {required && <span aria-hidden="true"> *</span>}
      </div>
      <PickerInput />
      <PickerNotes id={id} hint={hint} error={error} matches={matches} />
      <PickerList empty={t("noMatch", { query: searched })} />
    </ComboBox>
  );
}

const none: ReadonlySet<string> = new Set();

type ComboBoxStateOf = NonNullable<ContextType<typeof ComboBoxStateContext>>;

/** Hands the combobox's state to the picker around it, which can then close its list. */
function StateHandle({ intoRef }: { intoRef: RefObject<ComboBoxStateOf | null> }) {
  const state = useContext(ComboBoxStateContext);
  useEffect(() => {
    intoRef.current = state;
  });
  return null;
}

/**
 * The text box, and a button that opens the whole list for a mouse. The list opens on typing or
 * the down arrow, not on focus: tabbing through the form does not open every list on the way.
 */
function PickerInput({ inputRef }: { inputRef?: Ref<HTMLInputElement> }) {
  const t = useTranslations("forms");
  return (
    <div className="relative">
      <Input ref={inputRef} className="field pr-8" placeholder={t("search")} />
      <Button className="absolute inset-y-0 right-0 px-2 text-slate-600" aria-label={t("showAll")}>
        <span aria-hidden="true">▾</span>
      </Button>
    </div>
  );
}

/** A picker's hint, how much of a long list shows, and its error. */
function PickerNotes({
  id,
  hint,
  error,
  matches,
}: {
  id: string;
  hint?: string;
  error?: string;
  matches: PickerMatches;
}) {
  const t = useTranslations("forms");
  const cut = matches.total > matches.shown.length;
  return (
    <>
      {(hint || cut) && (
        <Text slot="description" className="note">
          {[hint, cut && t("shownOf", { shown: matches.shown.length, total: matches.total })]
            .filter(Boolean)
            .join(". ")}
        </Text>
      )}
      {error && (
        <Text slot="errorMessage" id={`${id}-error`} className="field-error">
          {error}
        </Text>
      )}
    </>
  );
}

/** The list a picker opens, below its input and as wide. */
function PickerList({ empty }: { empty: string }) {
  return (
    <Popover
      className="w-(--trigger-width) overflow-auto rounded border border-slate-300 bg-white shadow-lg"
      placement="bottom start"
    >
      <ListBox
        className="max-h-72 overflow-auto py-1 text-sm outline-none"
        renderEmptyState={() => <p className="px-3 py-2 text-slate-600">{empty}</p>}
      >
        {(item: PickerOption) => (
          <ListBoxItem
            id={item.id}
            textValue={item.label}
            className={({ isFocused }) =>
              `cursor-pointer px-3 py-1.5 outline-none ${isFocused ? "bg-blue-800 text-white" : ""} ${
                item.id === createKey ? "font-medium" : ""
              }`
            }
          >
            {item.label}
          </ListBoxItem>
        )}
      </ListBox>
    </Popover>
  );
}
