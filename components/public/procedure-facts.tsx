import type { ProcedureFacts } from "@/lib/content/content-schemas";
import { imagingLabels, medicationLabels, procedureFactLabels } from "@/lib/labels/sv";

function FactList({ items }: { items: string[] }) {
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

function Fact({ term, values, note }: { term: string; values: string[]; note?: string }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>
        {values.length > 0 && <FactList items={values} />}
        {note && <p className="fact-note">{note}</p>}
      </dd>
    </div>
  );
}

/** A procedure's structured facts as a definition list; facts the source does not give are left out. */
export function ProcedureFactsList({ facts }: { facts: ProcedureFacts }) {
  const medications = facts.medications.map((medication) => medicationLabels[medication]);
  const imaging = facts.imaging.map((guidance) => imagingLabels[guidance]);
  const entries = [
    { term: procedureFactLabels.medications, values: medications.length ? [medications.join(", ")] : [], note: facts.medicationNote },
    { term: procedureFactLabels.imaging, values: imaging.length ? [imaging.join(", ")] : [], note: facts.imagingNote },
    { term: procedureFactLabels.indications, values: facts.indications },
    { term: procedureFactLabels.reliefDuration, values: facts.reliefDuration ? [facts.reliefDuration] : [] },
    { term: procedureFactLabels.precautions, values: facts.precautions },
    { term: procedureFactLabels.contraindications, values: facts.contraindications },
  ].filter((entry) => entry.values.length > 0 || entry.note);
  if (entries.length === 0) return null;
  return (
    <dl className="procedure-facts">
      {entries.map((entry) => (
        <Fact key={entry.term} {...entry} />
      ))}
    </dl>
  );
}
