"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Choices } from "@/features/forms/components/form-parts";
import { idle, type FormState } from "@/features/forms/form-state";
import { formatStatedText } from "@/lib/rules/quantity";
import { joinWords } from "@/lib/format";
import {
  defaultFigureUse,
  linkedConditionIds,
  type FigureUse,
  type SuggestedParty,
  type SuggestedQuantity,
  type Suggestion,
} from "@/lib/rules/intake/suggestions";
import {
  pledgeCategories,
  pledgeStatuses,
  quantityQualifiers,
  stakeholderKinds,
  stakeholderRoles,
} from "@/lib/rules/vocabulary";
import { decideSuggestionAction, reopenSuggestionAction } from "../actions";

export interface QueueRow {
  id: string;
  kind: Suggestion["kind"];
  state: "pending" | "accepted" | "rejected";
  version: number;
  extractor: string;
  quoteStart: number;
  quoteEnd: number;
  suggestion: Suggestion;
  recordType: string | null;
  recordId: string | null;
  decidedBy: string | null;
}

export interface QueueChoices {
  stakeholders: { id: string; name: string }[];
  pledges: { id: string; title: string }[];
  conditions: { id: string; title: string }[];
}

const recordAddress = (type: string, id: string) =>
  type === "pledge" ? `/pledges/${id}` : `/manage/${type}/${id}`;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * How the queue names a suggestion, in the reader's words: its kind (for a pledge, its stance:
 * "Refusal"), its headline, and a quantity as the document stated it ("up to 30,000 personnel").
 */
function useNaming() {
  const t = useTranslations("intake.queue");
  const words = useTranslations("vocabulary");
  const locale = useLocale();
  return useMemo(() => {
    const quantity = (found: SuggestedQuantity) => {
      const said = formatStatedText(found, locale);
      return found.vague ? t("quantity.vague", { quantity: said }) : said;
    };
    const headline = (suggestion: Suggestion): string => {
      switch (suggestion.kind) {
        case "pledge":
        case "condition":
        case "requirement":
        case "capacity":
          return suggestion.title;
        case "figure":
          return quantity(suggestion.quantity);
        case "status":
          return t("statusHeadline", {
            title: suggestion.pledge.title,
            status: words(`pledgeStatus.${suggestion.status}`),
          });
      }
    };
    const kindLabel = (suggestion: Suggestion) =>
      suggestion.kind === "pledge" ? t(`stance.${suggestion.stance}`) : t(`kind.${suggestion.kind}`);
    return { quantity, headline, kindLabel };
  }, [t, words, locale]);
}

/**
 * The review queue: the document with every suggestion's quote marked, and the suggestions beside it
 * in the order of the text. j / k move between them, a accepts, e edits, r rejects, u takes back the
 * last rejection; Escape closes an edit. After a decision the next waiting suggestion is selected and
 * focused; after a rejection is taken back, the suggestion itself.
 */
export function ReviewQueue({
  text,
  rows,
  choices,
  publishedOn,
}: {
  text: string;
  rows: QueueRow[];
  choices: QueueChoices;
  publishedOn: string | null;
}) {
  const t = useTranslations("intake.queue");
  const { headline, kindLabel } = useNaming();
  const [showDecided, setShowDecided] = useState(false);
  const visible = useMemo(
    () => rows.filter((row) => showDecided || row.state === "pending"),
    [rows, showDecided],
  );
  const [selected, setSelected] = useState<string | null>(visible[0]?.id ?? null);
  const [editing, setEditing] = useState<string | null>(null);
  const cards = useRef(new Map<string, HTMLLIElement>());
  const previousStates = useRef(new Map(rows.map((row) => [row.id, row.state])));
  // A decision refused because someone else made one first: the page is fetched again to show theirs.
  const router = useRouter();
  const decidedElsewhere = useRef<string | null>(null);
  const onStale = useCallback(
    (id: string) => {
      decidedElsewhere.current = id;
      router.refresh();
    },
    [router],
  );
  const queueRef = useRef<HTMLElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const putBackHere = useRef<string | null>(null);
  const onPutBack = useCallback((id: string) => {
    putBackHere.current = id;
  }, []);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<{
    text: string;
    link: { href: string; label: string } | null;
    /** A rejection made here, which the outcome offers to take back. */
    undo: string | null;
  } | null>(null);

  const select = useCallback((id: string | null, focus = true) => {
    setSelected(id);
    if (!id) return;
    requestAnimationFrame(() => {
      const card = cards.current.get(id);
      if (focus) card?.focus();
      card?.scrollIntoView({ block: "nearest" });
      document.getElementById(`quote-${id}`)?.scrollIntoView({ block: "center" });
    });
  }, []);

  // A decision made: the next waiting suggestion after it is the one to look at.
  useEffect(() => {
    const decided = rows.find(
      (row) => row.state !== "pending" && previousStates.current.get(row.id) === "pending",
    );
    // Put back from this page (a rejection someone else took back just shows as waiting).
    const reopened = rows.find(
      (row) =>
        row.state === "pending" &&
        previousStates.current.get(row.id) === "rejected" &&
        putBackHere.current === row.id,
    );
    if (reopened) putBackHere.current = null;
    previousStates.current = new Map(rows.map((row) => [row.id, row.state]));
    if (reopened && !decided) {
      setOutcome({
        text: t("putBack", { headline: headline(reopened.suggestion) }),
        link: null,
        undo: null,
      });
      select(reopened.id);
      return;
    }
    if (!decided) return;
    setEditing(null);
    const elsewhere = decidedElsewhere.current === decided.id;
    decidedElsewhere.current = null;
    // Said where it stays: the decided card leaves the list of waiting ones.
    setOutcome({
      text: elsewhere
        ? t("decidedElsewhere", {
            name: decided.decidedBy ?? t("someoneElse"),
            state: decided.state,
            headline: headline(decided.suggestion),
          })
        : t("decided", { state: decided.state, headline: headline(decided.suggestion) }),
      link:
        decided.recordType && decided.recordId
          ? {
              href: recordAddress(decided.recordType, decided.recordId),
              label: t("openRecord", { type: decided.recordType }),
            }
          : null,
      undo: decided.state === "rejected" && !elsewhere ? decided.id : null,
    });
    const next =
      rows.find(
        (row) => row.state === "pending" && row.quoteStart >= decided.quoteStart && row.id !== decided.id,
      ) ?? rows.find((row) => row.state === "pending");
    if (next) select(next.id);
    else {
      setSelected(null);
      requestAnimationFrame(() => headingRef.current?.focus());
    }
  }, [rows, select, t, headline]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) {
        if (event.key === "Escape" && editing) {
          setEditing(null);
          select(editing);
        }
        return;
      }
      const index = visible.findIndex((row) => row.id === selected);
      const current = visible[index];
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        const next = visible[Math.min(visible.length - 1, Math.max(0, index + (event.key === "j" ? 1 : -1)))];
        if (next) select(next.id);
        return;
      }
      if (event.key === "u") {
        // The selected rejected suggestion, or else the rejection just made; not while editing.
        if (event.repeat || editing || current?.state === "accepted") return;
        const scope = current?.state === "rejected" ? cards.current.get(current.id) : outcomeRef.current;
        const putBack = scope?.querySelector<HTMLButtonElement>("button[data-decision=reopen]");
        if (putBack) {
          event.preventDefault();
          putBack.click();
        }
        return;
      }
      if (!current || current.state !== "pending") return;
      const card = cards.current.get(current.id);
      if (event.key === "a") {
        event.preventDefault();
        card?.querySelector<HTMLButtonElement>("button[data-decision=accept]")?.click();
      } else if (event.key === "r") {
        event.preventDefault();
        card?.querySelector<HTMLButtonElement>("button[data-decision=reject]")?.click();
      } else if (event.key === "e") {
        event.preventDefault();
        setEditing(current.id);
      } else if (event.key === "Escape" && editing) {
        setEditing(null);
      }
    }
    // Only while the focus is in the queue (WCAG 2.1.4): a letter typed anywhere else does nothing.
    const queue = queueRef.current;
    queue?.addEventListener("keydown", onKey);
    return () => queue?.removeEventListener("keydown", onKey);
  }, [visible, selected, editing, select]);

  // The page opened on the queue: its first suggestion takes the focus (unless something else has
  // it), so that j, k, a, e and r work at once.
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const first = visible[0];
    // Already selected (the state starts there): only the focus moves.
    if (first) requestAnimationFrame(() => cards.current.get(first.id)?.focus());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page opens
  }, []);

  // An edit opened: its first field takes the focus, once it is there.
  useEffect(() => {
    if (!editing) return;
    cards.current
      .get(editing)
      ?.querySelector<HTMLElement>(
        "[data-editor] input:not([type=radio]):not([type=checkbox]):not([type=hidden]), [data-editor] textarea, [data-editor] select",
      )
      ?.focus();
  }, [editing]);

  const pending = rows.filter((row) => row.state === "pending").length;
  // The rejection the outcome offers to take back, while it is still a rejection.
  const undoable = outcome?.undo
    ? rows.find((row) => row.id === outcome.undo && row.state === "rejected")
    : undefined;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <DocumentView text={text} rows={rows} selected={selected} onSelect={(id) => select(id)} />
      <section ref={queueRef} aria-labelledby="suggestions-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="suggestions-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
            {t("heading")}{" "}
            <span className="text-base font-normal text-slate-700">
              {t("waitingOf", { pending, total: rows.length })}
            </span>
          </h2>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={showDecided}
              onChange={(event) => setShowDecided(event.target.checked)}
            />
            {t("showDecided")}
          </label>
        </div>
        <div role="status" className="min-h-0" ref={outcomeRef}>
          {outcome && (
            <div className="flex flex-wrap items-center gap-2 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950">
              <p>
                {outcome.text}{" "}
                {outcome.link && (
                  <Link href={outcome.link.href} className="link">
                    {outcome.link.label}
                  </Link>
                )}
              </p>
              {undoable && (
                <PutBackForm key={undoable.id} row={undoable} label={t("undo")} onPutBack={onPutBack} />
              )}
            </div>
          )}
        </div>
        <p className="note" id="queue-keys">
          {t.rich("keys", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
        </p>
        {visible.length === 0 ? (
          <p role="status" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
            {rows.length === 0 ? t("none") : t("allDecided")}
          </p>
        ) : (
          <ol className="space-y-3" aria-describedby="queue-keys">
            {visible.map((row) => (
              <li
                key={row.id}
                ref={(element) => {
                  if (element) cards.current.set(row.id, element);
                  else cards.current.delete(row.id);
                }}
                // One stop in the tab order, the selected suggestion's; j and k move within the queue.
                tabIndex={row.id === selected || (!selected && row === visible[0]) ? 0 : -1}
                aria-current={row.id === selected ? "true" : undefined}
                aria-label={t("cardLabel", {
                  kind: kindLabel(row.suggestion),
                  state: row.state,
                  headline: headline(row.suggestion),
                })}
                onFocus={() => setSelected(row.id)}
                data-testid="suggestion"
                data-kind={row.kind}
                data-state={row.state}
                className={`rounded border p-3 outline-offset-2 ${row.id === selected ? "border-blue-700 ring-2 ring-blue-700" : "border-slate-300"} ${row.state === "pending" ? "bg-white" : "bg-slate-50"}`}
              >
                <SuggestionCard
                  row={row}
                  text={text}
                  choices={choices}
                  rows={rows}
                  publishedOn={publishedOn}
                  editing={editing === row.id}
                  onEdit={(on) => setEditing(on ? row.id : null)}
                  onStale={onStale}
                  onPutBack={onPutBack}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** The document, each suggestion's quote marked; the selected one stands out. A mark selects its suggestion. */
function DocumentView({
  text,
  rows,
  selected,
  onSelect,
}: {
  text: string;
  rows: QueueRow[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const segments = useMemo(() => {
    const marked = rows.filter((row) => row.state !== "rejected");
    const cuts = new Set([0, text.length]);
    for (const row of marked) {
      cuts.add(row.quoteStart);
      cuts.add(row.quoteEnd);
    }
    const points = [...cuts].sort((a, b) => a - b);
    return points.slice(0, -1).map((start, index) => {
      const end = points[index + 1]!;
      return { start, end, covering: marked.filter((row) => row.quoteStart <= start && row.quoteEnd >= end) };
    });
  }, [text, rows]);
  const t = useTranslations("intake.queue");
  const firstSegmentOf = new Map<string, number>();
  segments.forEach((segment, index) => {
    for (const row of segment.covering) if (!firstSegmentOf.has(row.id)) firstSegmentOf.set(row.id, index);
  });
  return (
    <section aria-label={t("document")} className="lg:sticky lg:top-4 lg:self-start">
      <div
        tabIndex={0}
        className="max-h-[75vh] overflow-auto rounded border border-slate-300 bg-white p-4 font-serif text-[15px] leading-relaxed whitespace-pre-wrap"
        data-testid="intake-document"
      >
        {segments.map((segment, index) => {
          const slice = text.slice(segment.start, segment.end);
          if (segment.covering.length === 0) return <span key={index}>{slice}</span>;
          const isSelected = segment.covering.some((row) => row.id === selected);
          const waiting = segment.covering.some((row) => row.state === "pending");
          const first = segment.covering.find((row) => firstSegmentOf.get(row.id) === index);
          return (
            <mark
              key={index}
              id={first ? `quote-${first.id}` : undefined}
              onClick={() =>
                onSelect((segment.covering.find((row) => row.id === selected) ?? segment.covering[0]!).id)
              }
              className={`cursor-pointer rounded-sm ${isSelected ? "bg-amber-300 outline outline-2 outline-amber-700" : waiting ? "bg-yellow-100" : "bg-emerald-100"}`}
              data-selected={isSelected ? "true" : undefined}
            >
              {slice}
            </mark>
          );
        })}
      </div>
    </section>
  );
}

function Parties({ parties }: { parties: SuggestedParty[] }) {
  const t = useTranslations("intake.queue");
  const words = useTranslations("vocabulary");
  if (parties.length === 0) return <span className="text-slate-700">{t("whoNotStated")}</span>;
  return (
    <span>
      {parties.map((party, index) => (
        <span key={party.name}>
          {index > 0 && ", "}
          {party.name}{" "}
          <span className="text-slate-700">
            {t("partyRole", {
              role: words(`role.${party.role}`).toLowerCase(),
              tracked: party.stakeholderId ? "yes" : "no",
            })}
          </span>
        </span>
      ))}
    </span>
  );
}

function SuggestionCard({
  row,
  text,
  rows,
  choices,
  publishedOn,
  editing,
  onEdit,
  onStale,
  onPutBack,
}: {
  row: QueueRow;
  text: string;
  rows: QueueRow[];
  choices: QueueChoices;
  publishedOn: string | null;
  editing: boolean;
  onEdit: (on: boolean) => void;
  onStale: (suggestionId: string) => void;
  onPutBack: (suggestionId: string) => void;
}) {
  const t = useTranslations("intake.queue");
  const words = useTranslations("vocabulary");
  const common = useTranslations("common");
  const { headline, kindLabel } = useNaming();
  const { suggestion } = row;
  const quote = text.slice(row.quoteStart, row.quoteEnd);
  const label = kindLabel(suggestion);
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="badge tone-indigo">{label}</span>
        {suggestion.kind === "pledge" && (
          <>
            <span className="badge tone-slate">{words(`category.${suggestion.category}`)}</span>
            {suggestion.stance === "pledge" && (
              <span className="badge tone-blue">{words(`pledgeStatus.${suggestion.status}`)}</span>
            )}
          </>
        )}
        {row.extractor !== "rules" && <span className="badge tone-orange">{t("fromModel")}</span>}
        {row.state !== "pending" && (
          <span className={`badge ${row.state === "accepted" ? "tone-emerald" : "tone-rose"}`}>
            {row.decidedBy
              ? t("decidedBy", { state: row.state, name: row.decidedBy })
              : t("decidedBadge", { state: row.state })}
          </span>
        )}
      </p>
      <p className="font-medium">{headline(suggestion)}</p>
      <Details suggestion={suggestion} />
      <blockquote className="border-l-4 border-slate-300 pl-3 text-sm text-slate-800">
        {common("quoted", { text: quote })}
      </blockquote>
      {row.state === "accepted" && row.recordType && row.recordId && (
        <p className="text-sm">
          <Link href={recordAddress(row.recordType, row.recordId)} className="link">
            {t("openRecord", { type: row.recordType })}
          </Link>
        </p>
      )}
      {row.state === "rejected" && (
        <PutBackForm row={row} label={t("putBackForReview")} onPutBack={onPutBack} />
      )}
      {row.state === "pending" && (
        <DecisionForm
          row={row}
          rows={rows}
          choices={choices}
          publishedOn={publishedOn}
          editing={editing}
          onEdit={onEdit}
          onStale={onStale}
        />
      )}
    </div>
  );
}

function Details({ suggestion }: { suggestion: Suggestion }) {
  const t = useTranslations("intake.details");
  const words = useTranslations("vocabulary");
  const { quantity } = useNaming();
  const lines: ReactNode[] = [];
  if (suggestion.kind === "pledge") {
    lines.push(<Parties key="parties" parties={suggestion.parties} />);
    if (suggestion.quantity) lines.push(quantity(suggestion.quantity));
    if (suggestion.matches) lines.push(t("trackedAlready", { title: suggestion.matches.title }));
    if (suggestion.alsoQuoted.length > 0)
      lines.push(t("saidTimes", { count: suggestion.alsoQuoted.length + 1 }));
  }
  if (suggestion.kind === "condition") {
    if (suggestion.dependsOn) lines.push(t("dependsOn", { name: suggestion.dependsOn.name }));
    lines.push(
      suggestion.matches ? t("sameCondition", { title: suggestion.matches.title }) : t("newCondition"),
    );
  }
  if (suggestion.kind === "requirement" || suggestion.kind === "capacity")
    lines.push(quantity(suggestion.quantity));
  if (suggestion.kind === "capacity") lines.push(t("of", { name: suggestion.party.name }));
  if (suggestion.kind === "requirement" && suggestion.scope)
    lines.push(t("scope", { scope: suggestion.scope }));
  if (suggestion.kind === "status")
    lines.push(
      t("supports", {
        status: words(`pledgeStatus.${suggestion.status}`),
        title: suggestion.pledge.title,
      }),
    );
  if (lines.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-sm">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

/** What accepting as is sends, and what editing shows: the suggestion's reading as the record's fields. */
function defaultsOf(
  suggestion: Suggestion,
  publishedOn: string | null,
  sayQuantity: (found: SuggestedQuantity) => string,
): Record<string, string> {
  const quantity = "quantity" in suggestion && suggestion.quantity ? suggestion.quantity : null;
  const figure: Record<string, string> = quantity
    ? {
        unit: quantity.unit,
        low: quantity.low,
        high: quantity.high === quantity.low ? "" : quantity.high,
        qualifier: quantity.qualifier,
      }
    : {};
  switch (suggestion.kind) {
    case "pledge": {
      if (suggestion.stance !== "pledge") {
        const said = suggestion.title.replace(/^[^:]+:\s*/, "");
        return { stance: `${said.charAt(0).toUpperCase()}${said.slice(1)}`.replace(/([^.])$/, "$1.") };
      }
      return {
        // Evidence for a tracked pledge records the status it supports only when it says "committed".
        recordStatus: suggestion.status === "committed" ? "committed" : "none",
        title: suggestion.title.slice(0, 300),
        category: suggestion.category,
        status: suggestion.status,
        quantityUnit: quantity?.unit ?? "",
        quantityLow: quantity?.low ?? "",
        quantityHigh: quantity ? quantity.high : "",
        quantityQualifier: quantity?.qualifier ?? "exact",
        announcedOn: publishedOn ?? "",
      };
    }
    case "condition":
      return { title: suggestion.title.slice(0, 300) };
    case "figure":
      return { title: sayQuantity(suggestion.quantity).slice(0, 300), ...figure };
    case "requirement":
      return { title: suggestion.title.slice(0, 300), scope: suggestion.scope ?? "", ...figure };
    case "capacity":
      return { title: suggestion.title.slice(0, 300), ...figure };
    case "status":
      return { recordStatus: suggestion.status };
  }
}

function DecisionForm({
  row,
  rows,
  choices,
  publishedOn,
  editing,
  onEdit,
  onStale,
}: {
  row: QueueRow;
  rows: QueueRow[];
  choices: QueueChoices;
  publishedOn: string | null;
  editing: boolean;
  onEdit: (on: boolean) => void;
  onStale: (suggestionId: string) => void;
}) {
  const t = useTranslations("intake.decision");
  const words = useTranslations("vocabulary");
  const common = useTranslations("common");
  const { headline, quantity } = useNaming();
  const locale = useLocale();
  const [state, action, pending] = useActionState<FormState, FormData>(decideSuggestionAction, idle);
  const { suggestion } = row;
  // A refusal naming fields opens the edit, so that they can be put right; one because someone
  // decided first shows the page as it is now.
  useEffect(() => {
    if (state.status === "error" && state.conflict) onStale(row.id);
    if (state.status === "error" && state.fields && !editing) onEdit(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new answer arrives
  }, [state]);
  const defaults = defaultsOf(suggestion, publishedOn, quantity);
  const fieldError = (name: string) => state.fields?.[name] ?? state.fields?.[`fields.${name}`];
  const matches = "matches" in suggestion && suggestion.matches ? suggestion.matches.id : "";
  // Kept while the edit is closed and opened again, and after a refusal.
  const [existingId, setExistingId] = useState(() => {
    const sent = state.values?.existingId;
    return (Array.isArray(sent) ? sent[0] : sent) || matches;
  });
  const [target, setTarget] = useState<"new" | "existing">(
    suggestion.kind === "status" || matches ? "existing" : "new",
  );
  const [figureAs, setFigureAs] = useState<FigureUse>(
    suggestion.kind === "figure" ? defaultFigureUse(suggestion.quantity) : "requirement",
  );
  const parties =
    suggestion.kind === "pledge"
      ? suggestion.parties.filter((party) => suggestion.stance === "pledge" || party.role === "pledger")
      : suggestion.kind === "capacity"
        ? [suggestion.party]
        : suggestion.kind === "condition" && suggestion.dependsOn
          ? [suggestion.dependsOn]
          : [];
  const stanceOnly = suggestion.kind === "pledge" && suggestion.stance !== "pledge";
  // Its conditions in this document: those tracked already, and those accepted from it before.
  const linked = suggestion.kind === "pledge" ? linkedConditionIds(suggestion, rows) : [];
  // Its conditions in this document that are neither tracked nor accepted yet: they can be linked
  // once accepted, so the card says so rather than saving the pledge as if it had none.
  const conditionsWaiting =
    suggestion.kind === "pledge"
      ? rows.filter(
          (other) =>
            other.state === "pending" &&
            other.suggestion.kind === "condition" &&
            !other.suggestion.matches &&
            suggestion.conditionKeys.includes(other.suggestion.key),
        )
      : [];
  const id = (name: string) => `${row.id}-${name}`;
  const value = (name: string) => {
    const sent = state.values?.[name];
    return (Array.isArray(sent) ? sent[0] : sent) ?? defaults[name] ?? "";
  };

  const hidden = (name: string, given: string) => (
    <input key={name} type="hidden" name={name} value={given} />
  );
  const input = (
    name: string,
    label: string,
    options: { type?: string; hint?: string; required?: boolean } = {},
  ) =>
    editing ? (
      <div className="space-y-1" key={name}>
        <label htmlFor={id(name)} className="block text-sm font-medium">
          {label}
          {options.required && <span aria-hidden="true"> *</span>}
        </label>
        <input
          id={id(name)}
          name={name}
          type={options.type ?? "text"}
          defaultValue={value(name)}
          className="field"
          aria-invalid={Boolean(fieldError(name))}
          aria-describedby={fieldError(name) ? `${id(name)}-error` : undefined}
        />
        {fieldError(name) && (
          <p id={`${id(name)}-error`} className="field-error">
            {fieldError(name)}
          </p>
        )}
      </div>
    ) : (
      hidden(name, value(name))
    );
  const select = (name: string, label: string, options: { value: string; label: string }[]) =>
    editing ? (
      <div className="space-y-1" key={name}>
        <label htmlFor={id(name)} className="block text-sm font-medium">
          {label}
        </label>
        <select
          id={id(name)}
          name={name}
          defaultValue={value(name)}
          className="field"
          aria-invalid={Boolean(fieldError(name))}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {fieldError(name) && <p className="field-error">{fieldError(name)}</p>}
      </div>
    ) : (
      hidden(name, value(name))
    );
  const figureFields = (
    <>
      {input("title", t("title"), { required: true })}
      {input("unit", t("unit"), { required: true })}
      {input("low", t("low"), { required: true })}
      {input("high", t("high"))}
      {select(
        "qualifier",
        t("qualifier"),
        quantityQualifiers.map((option) => ({ value: option, label: words(`qualifier.${option}`) })),
      )}
    </>
  );

  return (
    <form action={action} className="space-y-3" noValidate>
      {hidden("suggestionId", row.id)}
      {hidden("version", String(row.version))}
      {hidden("kind", row.kind)}
      {hidden("target", target)}
      {state.status === "error" && state.message && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p>{state.message}</p>
          {state.fields && (
            // Every field's message, those the open form shows beside the field included.
            <ul className="list-disc pl-5">
              {Object.entries(state.fields).map(([field, message]) => (
                <li key={field}>{t("fieldError", { field: field.replace(/^fields\./, ""), message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.status === "saved" && state.message && (
        <p role="status" className="text-sm text-emerald-900">
          {state.message}
        </p>
      )}
      <div
        data-editor={editing ? "" : undefined}
        className={editing ? "space-y-3 rounded border border-slate-200 bg-slate-50 p-3" : undefined}
      >
        {editing && (suggestion.kind === "pledge" ? !stanceOnly : suggestion.kind === "condition") && (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("writeAs")}</legend>
            <Choices
              name={`${row.id}-target`}
              value={target}
              onChange={setTarget}
              choices={[
                { value: "new", label: t("asNew", { kind: suggestion.kind }) },
                { value: "existing", label: t("asEvidence") },
              ]}
            />
          </fieldset>
        )}
        {((target === "existing" && (suggestion.kind === "pledge" || suggestion.kind === "condition")) ||
          (suggestion.kind === "figure" && figureAs === "pledge")) &&
          (editing ? (
            <div className="space-y-1">
              <label htmlFor={id("existingId")} className="block text-sm font-medium">
                {t("tracked", { kind: suggestion.kind === "condition" ? "condition" : "pledge" })}
              </label>
              <select
                id={id("existingId")}
                name="existingId"
                value={existingId}
                onChange={(event) => setExistingId(event.target.value)}
                className="field"
                aria-invalid={Boolean(fieldError("existingId"))}
              >
                <option value="">{t("choose")}</option>
                {(suggestion.kind === "condition"
                  ? choices.conditions.map((c) => ({ id: c.id, name: c.title }))
                  : choices.pledges.map((p) => ({ id: p.id, name: p.title }))
                ).map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
              {fieldError("existingId") && <p className="field-error">{fieldError("existingId")}</p>}
            </div>
          ) : (
            hidden("existingId", existingId)
          ))}
        {suggestion.kind === "status" && hidden("existingId", suggestion.pledge.id)}
        {((suggestion.kind === "pledge" && suggestion.stance === "pledge" && target === "existing") ||
          suggestion.kind === "status") &&
          (editing
            ? select("recordStatus", t("recordStatus"), [
                { value: "none", label: t("onlyCite") },
                ...pledgeStatuses.map((status) => ({
                  value: status,
                  label: words(`pledgeStatus.${status}`),
                })),
              ])
            : hidden("recordStatus", value("recordStatus")))}
        {stanceOnly &&
          (editing ? (
            <div className="space-y-1">
              <label htmlFor={id("stance")} className="block text-sm font-medium">
                {t("stance")}
              </label>
              <textarea
                id={id("stance")}
                name="stance"
                defaultValue={value("stance")}
                rows={2}
                maxLength={1000}
                className="field"
                aria-invalid={Boolean(fieldError("stance"))}
              />
              {fieldError("stance") && <p className="field-error">{fieldError("stance")}</p>}
            </div>
          ) : (
            hidden("stance", value("stance"))
          ))}
        {suggestion.kind === "pledge" && suggestion.stance === "pledge" && target === "new" && (
          <>
            {input("title", t("title"), { required: true })}
            {select(
              "category",
              t("category"),
              pledgeCategories.map((option) => ({ value: option, label: words(`category.${option}`) })),
            )}
            {select(
              "status",
              t("status"),
              pledgeStatuses.map((option) => ({ value: option, label: words(`pledgeStatus.${option}`) })),
            )}
            {input("quantityLow", t("quantityLow"))}
            {input("quantityHigh", t("quantityHigh"))}
            {input("quantityUnit", t("unit"))}
            {select(
              "quantityQualifier",
              t("qualifier"),
              quantityQualifiers.map((option) => ({ value: option, label: words(`qualifier.${option}`) })),
            )}
            {input("announcedOn", t("announcedOn"), { type: "date" })}
            {editing
              ? choices.conditions.length > 0 && (
                  <fieldset className="space-y-1">
                    <legend className="text-sm font-medium">{t("conditions")}</legend>
                    {choices.conditions.map((condition) => (
                      <label key={condition.id} className="block text-sm">
                        <input
                          type="checkbox"
                          name="conditionIds"
                          value={condition.id}
                          defaultChecked={linked.includes(condition.id)}
                        />{" "}
                        {condition.title}
                      </label>
                    ))}
                  </fieldset>
                )
              : linked.map((conditionId) => (
                  <input key={conditionId} type="hidden" name="conditionIds" value={conditionId} />
                ))}
            {conditionsWaiting.length > 0 && (
              <p className="note" data-testid="conditions-waiting">
                {t("conditionsWaiting", {
                  conditions: joinWords(
                    conditionsWaiting.map((other) => common("quoted", { text: headline(other.suggestion) })),
                    locale,
                  ),
                  count: conditionsWaiting.length,
                })}
              </p>
            )}
          </>
        )}
        {suggestion.kind === "condition" && target === "new" && (
          <>
            {input("title", t("title"), { required: true })}
            {input("description", t("description"))}
          </>
        )}
        {suggestion.kind === "figure" &&
          (editing ? (
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">{t("figureAs")}</legend>
              <Choices
                name="figureAs"
                value={figureAs}
                onChange={setFigureAs}
                choices={[
                  { value: "requirement", label: t("figureAsRequirement") },
                  { value: "capacity", label: t("figureAsCapacity") },
                  { value: "pledge", label: t("figureAsPledge") },
                ]}
              />
            </fieldset>
          ) : (
            hidden("figureAs", figureAs)
          ))}
        {(suggestion.kind === "figure" ||
          suggestion.kind === "requirement" ||
          suggestion.kind === "capacity") &&
          figureFields}
        {suggestion.kind === "requirement" && input("scope", t("scope"))}
        {(target === "new" || stanceOnly) && suggestion.kind !== "status" && (
          <PartyFields
            parties={parties}
            editing={editing}
            rowId={row.id}
            choices={choices}
            error={fieldError("stakeholders")}
          />
        )}
      </div>
      {!editing && suggestion.kind === "pledge" && suggestion.stance === "pledge" && target === "new" && (
        <p className="note">
          {!value("announcedOn")
            ? t("announcedUnknown")
            : value("announcedOn") === publishedOn
              ? t("announcedPublished", { date: value("announcedOn") })
              : t("announced", { date: value("announcedOn") })}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="action"
          value="accept"
          data-decision="accept"
          className="button-primary"
          disabled={pending}
          aria-keyshortcuts="a"
        >
          {editing
            ? t("acceptEdited")
            : suggestion.kind === "figure"
              ? t("acceptAs", { as: figureAs })
              : t("accept")}
        </button>
        {!editing ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => onEdit(true)}
            aria-keyshortcuts="e"
          >
            {t("edit")}
          </button>
        ) : (
          <button type="button" className="button-secondary" onClick={() => onEdit(false)}>
            {t("closeEdit")}
          </button>
        )}
        <button
          type="submit"
          name="action"
          value="reject"
          data-decision="reject"
          className="button-danger"
          disabled={pending}
          aria-keyshortcuts="r"
          formNoValidate
        >
          {t("reject")}
        </button>
      </div>
    </form>
  );
}

/**
 * Takes back a rejection, made here or by someone else: the suggestion waits for a decision again.
 * Refused when the suggestion changed since the page was shown, which is then fetched again.
 */
function PutBackForm({
  row,
  label,
  onPutBack,
}: {
  row: QueueRow;
  label: string;
  onPutBack: (id: string) => void;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(reopenSuggestionAction, idle);
  const router = useRouter();
  useEffect(() => {
    if (state.status === "error" && state.conflict) router.refresh();
  }, [state, router]);
  return (
    <form action={action} onSubmit={() => onPutBack(row.id)} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="suggestionId" value={row.id} />
      <input type="hidden" name="version" value={row.version} />
      <button
        type="submit"
        data-decision="reopen"
        className="button-secondary"
        disabled={pending}
        aria-keyshortcuts="u"
      >
        {label}
      </button>
      {state.status === "error" && (
        <span role="alert" className="text-sm text-rose-800">
          {state.message}
        </span>
      )}
    </form>
  );
}

/** The parties a decision links: tracked stakeholders by a role select, the others created with it (unless unticked). */
function PartyFields({
  parties,
  editing,
  rowId,
  choices,
  error,
}: {
  parties: SuggestedParty[];
  editing: boolean;
  rowId: string;
  choices: QueueChoices;
  error?: string;
}) {
  const t = useTranslations("intake.decision");
  const words = useTranslations("vocabulary");
  const roleOptions = stakeholderRoles.map((role) => ({ value: role, label: words(`role.${role}`) }));
  if (!editing) {
    return (
      <>
        {parties.map((party, index) =>
          party.stakeholderId ? (
            <input key={party.name} type="hidden" name={`role:${party.stakeholderId}`} value={party.role} />
          ) : (
            <span key={party.name}>
              <input type="hidden" name={`new:${index}:include`} value="on" />
              <input type="hidden" name={`new:${index}:name`} value={party.name} />
              <input type="hidden" name={`new:${index}:kind`} value={party.kind} />
              <input type="hidden" name={`new:${index}:country`} value={party.countryCode ?? ""} />
              <input type="hidden" name={`new:${index}:role`} value={party.role} />
            </span>
          ),
        )}
      </>
    );
  }
  const suggested = new Set(parties.map((party) => party.stakeholderId).filter(Boolean));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("stakeholders")}</legend>
      {error && <p className="field-error">{error}</p>}
      {parties.map((party, index) =>
        party.stakeholderId ? null : (
          <div
            key={party.name}
            className="grid grid-cols-2 gap-2 rounded border border-slate-200 p-2 text-sm sm:grid-cols-4"
          >
            <label className="col-span-2 flex items-center gap-2 sm:col-span-4">
              <input type="checkbox" name={`new:${index}:include`} defaultChecked />{" "}
              {t("addStakeholder", { name: party.name })}
            </label>
            <label className="space-y-1">
              <span className="block">{t("name")}</span>
              <input name={`new:${index}:name`} defaultValue={party.name} className="field" />
            </label>
            <label className="space-y-1">
              <span className="block">{t("kind")}</span>
              <select name={`new:${index}:kind`} defaultValue={party.kind} className="field">
                {stakeholderKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {words(`stakeholderKind.${kind}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="space-y-1">
              <span className="block">{t("countryCode")}</span>
              <input
                name={`new:${index}:country`}
                defaultValue={party.countryCode ?? ""}
                maxLength={2}
                className="field"
              />
            </label>
            <label className="space-y-1">
              <span className="block">{t("role")}</span>
              <select name={`new:${index}:role`} defaultValue={party.role} className="field">
                {roleOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ),
      )}
      <div className="max-h-48 space-y-1 overflow-auto rounded border border-slate-200 p-2">
        {choices.stakeholders.map((stakeholder) => {
          const party = parties.find((candidate) => candidate.stakeholderId === stakeholder.id);
          return (
            <label key={stakeholder.id} className="flex items-center justify-between gap-2 text-sm">
              <span>{stakeholder.name}</span>
              <select
                name={`role:${stakeholder.id}`}
                defaultValue={suggested.has(stakeholder.id) ? (party?.role ?? "pledger") : ""}
                className="field w-40"
                aria-label={t("roleOf", { name: stakeholder.name })}
                id={`${rowId}-role-${stakeholder.id}`}
              >
                <option value="">{t("notLinked")}</option>
                {roleOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
