import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { linkTag } from "@/components/ui/rich-tags";
import { Panel } from "@/components/ui/panel";
import { formatDate } from "@/lib/format";
import { isWebAddress } from "@/lib/web-address";
import type { SourceProfile as Profile } from "../queries";

/** A list of what the source supports, or says there is nothing of the kind. */
function Cited({
  id,
  title,
  items,
}: {
  id: string;
  title: string;
  items: { key: string; body: ReactNode }[];
}) {
  if (items.length === 0) return null;
  return (
    <Panel headingId={id} title={`${title} (${items.length})`}>
      <ul className="space-y-2 text-sm">
        {items.map((item) => (
          <li key={item.key}>{item.body}</li>
        ))}
      </ul>
    </Panel>
  );
}

/** Its first quote: what of the source a record rests on. */
function Quoted({ citations }: { citations: { quote: string }[] }) {
  const quote = citations[0]?.quote;
  return quote ? <q className="block text-slate-700 italic">{quote}</q> : null;
}

/** One source: where it comes from, and every pledge, record and event it is evidence for. */
export function SourceProfileView({ profile }: { profile: Profile }) {
  const { source } = profile;
  const t = useTranslations("profiles.source");
  const common = useTranslations("common");
  const pledgeWords = useTranslations("pledges");
  const vocabulary = useTranslations("vocabulary");
  const locale = useLocale();
  const day = (date: Date) => formatDate(date, locale);
  const origin = [source.publisher, source.publishedOn ? day(source.publishedOn) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="space-y-5">
      <div>
        {/* The record's own words (title, description) stay as entered. */}
        <h1 className="text-2xl font-semibold tracking-tight">{source.title}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {origin || t("noOrigin")}
          {source.url && (
            <>
              {" · "}
              {/* Addresses stored before the http/https rule are shown as text, never followed. */}
              {isWebAddress(source.url) ? (
                <a href={source.url} className="link" rel="noreferrer noopener">
                  {source.url}
                </a>
              ) : (
                <span>{source.url}</span>
              )}
            </>
          )}
          {source.fileName && (
            <>
              {" · "}
              {common("file")} <code className="font-mono">{source.fileName}</code>
            </>
          )}
        </p>
        {source.description && <p className="mt-2 text-sm">{source.description}</p>}
        <p className="mt-2 text-sm" data-testid="source-citations">
          {t("cited", { count: profile.citations })}
        </p>
      </div>
      <Cited
        id="source-pledges"
        title={pledgeWords("title")}
        items={profile.pledges.map((pledge) => ({
          key: pledge.id,
          body: (
            <>
              <Link href={`/pledges/${pledge.id}`} className="link font-medium">
                {pledge.title}
              </Link>
              <Quoted citations={pledge.citations} />
            </>
          ),
        }))}
      />
      <Cited
        id="source-events"
        title={t("events")}
        items={[
          ...profile.ledgerEvents.map((event) => ({
            key: event.id,
            body: t.rich("figureEvent", {
              when: day(event.occurredOn),
              fact: vocabulary(`ledgerFact.${event.fact}`).toLocaleLowerCase(locale),
              title: event.pledge.title,
              link: linkTag(`/pledges/${event.pledge.id}`),
            }),
          })),
          ...profile.statusChanges.flatMap((change) => {
            const subject = change.pledge
              ? { href: `/pledges/${change.pledge.id}`, title: change.pledge.title }
              : change.condition
                ? { href: `/conditions/${change.condition.slug}`, title: change.condition.title }
                : null;
            const status = change.toPledgeStatus
              ? vocabulary(`pledgeStatus.${change.toPledgeStatus}`)
              : change.toConditionStatus
                ? vocabulary(`conditionStatus.${change.toConditionStatus}`)
                : null;
            if (!subject || !status) return [];
            return [
              {
                key: change.id,
                body: t.rich("statusEvent", {
                  when: day(change.occurredAt),
                  title: subject.title,
                  status,
                  link: linkTag(subject.href),
                }),
              },
            ];
          }),
        ]}
      />
      <Cited
        id="source-conditions"
        title={t("conditions")}
        items={profile.conditions.map((condition) => ({
          key: condition.slug,
          body: (
            <>
              <Link href={`/conditions/${condition.slug}`} className="link font-medium">
                {condition.title}
              </Link>
              <Quoted citations={condition.citations} />
            </>
          ),
        }))}
      />
      <Cited
        id="source-stakeholders"
        title={t("stances")}
        items={profile.stakeholders.map((stakeholder) => ({
          key: stakeholder.slug,
          body: (
            <>
              <Link href={`/stakeholders/${stakeholder.slug}`} className="link font-medium">
                {stakeholder.name}
              </Link>
              <Quoted citations={stakeholder.citations} />
            </>
          ),
        }))}
      />
      <Cited
        id="source-requirements"
        title={t("requirements")}
        items={[
          ...profile.requirements.map((requirement) => ({
            key: requirement.id,
            body: (
              <>
                <span className="font-medium">{requirement.title}</span>
                <Quoted citations={requirement.citations} />
              </>
            ),
          })),
          ...profile.capacities.map((capacity) => ({
            key: capacity.id,
            body: (
              <>
                <span className="font-medium">{capacity.title}</span>
                {capacity.stakeholder && (
                  <>
                    {" "}
                    (
                    <Link href={`/stakeholders/${capacity.stakeholder.slug}`} className="link">
                      {capacity.stakeholder.name}
                    </Link>
                    )
                  </>
                )}
                <Quoted citations={capacity.citations} />
              </>
            ),
          })),
        ]}
      />
    </div>
  );
}
