import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { Panel } from "@/components/ui/panel";
import { SourceQuote, type CitedSource } from "@/components/ui/source-quote";

interface CitedRecord {
  id: string;
  title: string;
  citations: { id: string; quote: string; source: CitedSource }[];
}

interface FigureEvidenceProps {
  requirements: CitedRecord[];
  pledges: CitedRecord[];
  capacities: CitedRecord[];
  /** Numbers of the sources in a report's reference list (by slug), cited instead of their files. */
  references?: ReadonlyMap<string, number>;
}

interface EvidenceProps {
  references?: ReadonlyMap<string, number>;
  heading: string;
  records: CitedRecord[];
  name: (record: CitedRecord) => ReactNode;
  /** Said when there is no record; without it, the heading is left out too. */
  empty?: string;
}

function Evidence({ heading, records, name, empty, references }: EvidenceProps) {
  if (records.length === 0 && !empty) return null;
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold first:mt-0">{heading}</h3>
      {records.length === 0 && <p className="mt-2 text-sm text-slate-700">{empty}</p>}
      {records.map((record) => (
        <div key={record.id} className="mt-2 space-y-2">
          <p className="text-sm">{name(record)}</p>
          {record.citations.map((c) => (
            <SourceQuote
              key={c.id}
              quote={c.quote}
              source={c.source}
              reference={references?.get(c.source.slug ?? c.source.title)}
            />
          ))}
        </div>
      ))}
    </>
  );
}

/** The quotes behind the headline figures: what is required, the pledges summed, the capacities. */
export function FigureEvidence({ requirements, pledges, capacities, references }: FigureEvidenceProps) {
  const t = useTranslations("dashboard");
  return (
    <Panel id="evidence" headingId="evidence-heading" title={t("evidence.title")}>
      <Evidence
        heading={t("figure.required")}
        references={references}
        records={requirements}
        name={(record) => record.title}
      />
      <Evidence
        heading={t("evidence.pledges")}
        references={references}
        records={pledges}
        empty={t("evidence.noPledges")}
        name={(record) => (
          <Link href={`/pledges/${record.id}`} className="link">
            {record.title}
          </Link>
        )}
      />
      <Evidence
        heading={t("evidence.capacities")}
        references={references}
        records={capacities}
        name={(record) => record.title}
      />
    </Panel>
  );
}
