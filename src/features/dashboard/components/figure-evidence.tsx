import Link from "next/link";
import { SourceQuote, type CitedSource } from "@/components/ui/source-quote";
import { Panel } from "@/components/ui/panel";

interface Cited {
  id: string;
  quote: string;
  source: CitedSource;
}

interface FigureEvidenceProps {
  requirements: { id: string; title: string; citations: Cited[] }[];
  pledges: { id: string; title: string; citations: Cited[] }[];
  capacities: { id: string; title: string; citations: Cited[] }[];
}

/** The quotes behind the headline figures: what is required, and the pledges summed. */
export function FigureEvidence({ requirements, pledges, capacities }: FigureEvidenceProps) {
  return (
    <Panel id="evidence" headingId="evidence-heading" title="Sources behind these figures">
      <h3 className="mt-2 text-sm font-semibold">Required</h3>
      {requirements.map((requirement) => (
        <div key={requirement.id} className="mt-2 space-y-2">
          <p className="text-sm">{requirement.title}</p>
          {requirement.citations.map((c) => (
            <SourceQuote key={c.id} quote={c.quote} source={c.source} />
          ))}
        </div>
      ))}
      <h3 className="mt-4 text-sm font-semibold">Pledged, unconditional and delivered</h3>
      {pledges.length === 0 && (
        <p className="text-sm text-slate-700">No pledge states an amount in this unit.</p>
      )}
      {pledges.map((pledge) => (
        <div key={pledge.id} className="mt-2 space-y-2">
          <Link href={`/pledges/${pledge.id}`} className="text-sm text-blue-800 underline underline-offset-2">
            {pledge.title}
          </Link>
          {pledge.citations.map((c) => (
            <SourceQuote key={c.id} quote={c.quote} source={c.source} />
          ))}
        </div>
      ))}
      {capacities.length > 0 && <h3 className="mt-4 text-sm font-semibold">Capacity references</h3>}
      {capacities.map((capacity) => (
        <div key={capacity.id} className="mt-2 space-y-2">
          <p className="text-sm">{capacity.title}</p>
          {capacity.citations.map((c) => (
            <SourceQuote key={c.id} quote={c.quote} source={c.source} />
          ))}
        </div>
      ))}
    </Panel>
  );
}
