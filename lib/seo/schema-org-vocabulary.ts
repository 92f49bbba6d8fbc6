import fs from "node:fs";
import path from "node:path";

/**
 * Checks JSON-LD against the schema.org vocabulary, release 30.0 (lib/seo/testdata, CC BY-SA 3.0,
 * schema.org). Only tests use it: the app never reads the vocabulary. It is stricter than schema.org's
 * "expected type" wording, on purpose, because search engines and health portals skip what they cannot
 * place:
 * - every `@type` is a schema.org class;
 * - every property is a schema.org property whose `domainIncludes` names one of the node's types or a
 *   superclass of one;
 * - every value is of a type the property's `rangeIncludes` names: a node of a listed class (or a
 *   subclass), or a literal of a listed data type (Text, URL, Date, DateTime, Time, Number, Integer,
 *   Boolean). A plain string where only classes are expected is a problem, although consumers tolerate it;
 * - `@reverse` properties are checked the other way round (the reversed node is in the domain, the
 *   enclosing node in the range);
 * - terms that schema.org superseded or moved to its attic are problems; pending terms are part of the
 *   release and pass.
 */

export type VocabularyProblem = { path: string; message: string };

type TermNode = {
  "@id": string;
  "@type": string | string[];
  "rdfs:subClassOf"?: Reference | Reference[];
  "schema:domainIncludes"?: Reference | Reference[];
  "schema:rangeIncludes"?: Reference | Reference[];
  "schema:supersededBy"?: Reference | Reference[];
  "schema:isPartOf"?: Reference | Reference[];
};
type Reference = { "@id": string };

type Term = { kind: "class" | "property" | "member"; superclasses: string[]; domain: string[]; range: string[]; retired: string | null };

const vocabularyFile = path.join(process.cwd(), "lib/seo/testdata/schemaorg-all-https-30.0.jsonld");
const schemaPrefix = "schema:";
const contextUrl = "https://schema.org";

const idsOf = (value: Reference | Reference[] | undefined): string[] => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((entry) => entry["@id"]));
const typesOf = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

function retirement(node: TermNode): string | null {
  const successors = idsOf(node["schema:supersededBy"]);
  if (successors.length) return `superseded by ${successors.join(", ")}`;
  if (idsOf(node["schema:isPartOf"]).includes("https://attic.schema.org")) return "in the schema.org attic (withdrawn)";
  return null;
}

function loadVocabulary(): Map<string, Term> {
  const { "@graph": graph } = JSON.parse(fs.readFileSync(vocabularyFile, "utf8")) as { "@graph": TermNode[] };
  const terms = new Map<string, Term>();
  for (const node of graph) {
    if (!node["@id"].startsWith(schemaPrefix)) continue;
    const types = typesOf(node["@type"]);
    const kind = types.includes("rdf:Property") ? "property" : types.includes("rdfs:Class") ? "class" : "member";
    terms.set(node["@id"].slice(schemaPrefix.length), {
      kind,
      superclasses: idsOf(node["rdfs:subClassOf"]).filter((id) => id.startsWith(schemaPrefix)).map((id) => id.slice(schemaPrefix.length)),
      domain: idsOf(node["schema:domainIncludes"]).map((id) => id.slice(schemaPrefix.length)),
      range: idsOf(node["schema:rangeIncludes"]).map((id) => id.slice(schemaPrefix.length)),
      retired: retirement(node),
    });
  }
  return terms;
}

let vocabulary: Map<string, Term> | undefined;

/** The class and every class it is a subclass of, transitively. */
function selfAndSuperclasses(terms: Map<string, Term>, className: string): Set<string> {
  const found = new Set<string>();
  const pending = [className];
  while (pending.length) {
    const next = pending.pop()!;
    if (found.has(next)) continue;
    found.add(next);
    pending.push(...(terms.get(next)?.superclasses ?? []));
  }
  return found;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const timePattern = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function isCalendarDate(value: string): boolean {
  return datePattern.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function isWebUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Whether a JSON literal is a value of one schema.org data type (or of a subtype of it, such as URL of Text). */
function literalFits(terms: Map<string, Term>, dataType: string, value: string | number | boolean): boolean {
  const lineage = selfAndSuperclasses(terms, dataType);
  if (typeof value === "boolean") return lineage.has("Boolean");
  if (typeof value === "number") return dataType === "Integer" ? Number.isInteger(value) : lineage.has("Number");
  if (dataType === "URL") return isWebUrl(value);
  if (lineage.has("Text")) return true;
  if (dataType === "Date") return isCalendarDate(value);
  if (dataType === "DateTime") return dateTimePattern.test(value) && !Number.isNaN(Date.parse(value));
  if (dataType === "Time") return timePattern.test(value);
  return false;
}

const describe = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

class Checker {
  readonly problems: VocabularyProblem[] = [];

  constructor(private readonly terms: Map<string, Term>) {}

  private report(path: string, message: string) {
    this.problems.push({ path, message });
  }

  /** The node's schema.org types, reporting the ones that are not (current) classes. */
  private nodeTypes(node: JsonObject, path: string): string[] {
    const declared = node["@type"];
    if (declared === undefined) return [];
    const names = Array.isArray(declared) ? declared : [declared];
    return names.flatMap((name) => {
      const term = typeof name === "string" ? this.terms.get(name) : undefined;
      if (!term || term.kind !== "class") {
        this.report(path, `@type ${describe(name)} is not a schema.org class`);
        return [];
      }
      if (term.retired) this.report(path, `@type ${name} is ${term.retired}`);
      return [name as string];
    });
  }

  private property(name: string, path: string): Term | null {
    const term = this.terms.get(name);
    if (!term || term.kind !== "property") {
      this.report(path, `"${name}" is not a schema.org property`);
      return null;
    }
    if (term.retired) this.report(path, `"${name}" is ${term.retired}`);
    return term;
  }

  private inClasses(types: string[], classes: string[]): boolean {
    return types.some((type) => classes.some((candidate) => selfAndSuperclasses(this.terms, type).has(candidate)));
  }

  checkNode(node: JsonObject, path: string): string[] {
    const types = this.nodeTypes(node, path);
    for (const [key, value] of Object.entries(node)) {
      if (key === "@type" || key === "@id" || key === "@context") continue;
      if (key === "@reverse") {
        this.checkReverse(value, types, `${path}.@reverse`);
        continue;
      }
      if (key.startsWith("@")) {
        this.report(`${path}.${key}`, `the JSON-LD keyword ${key} is not expected here`);
        continue;
      }
      const term = this.property(key, `${path}.${key}`);
      if (!term) continue;
      if (types.length && !this.inClasses(types, term.domain)) {
        this.report(`${path}.${key}`, `"${key}" is not a property of ${types.join(", ")} (its domain: ${term.domain.join(", ")})`);
      }
      this.eachValue(value, `${path}.${key}`, (entry, entryPath) => this.checkValue(key, term, entry, entryPath));
    }
    return types;
  }

  private checkReverse(reverse: unknown, enclosingTypes: string[], path: string) {
    if (!isObject(reverse)) {
      this.report(path, "@reverse must be an object of properties");
      return;
    }
    for (const [key, value] of Object.entries(reverse)) {
      const term = this.property(key, `${path}.${key}`);
      if (!term) continue;
      if (enclosingTypes.length && !this.inClasses(enclosingTypes, term.range)) {
        this.report(`${path}.${key}`, `${enclosingTypes.join(", ")} is not in the range of "${key}" (${term.range.join(", ")})`);
      }
      this.eachValue(value, `${path}.${key}`, (entry, entryPath) => {
        if (!isObject(entry)) {
          this.report(entryPath, `the subject of a reversed "${key}" must be a node, not ${describe(entry)}`);
          return;
        }
        const subjectTypes = this.checkNode(entry, entryPath);
        if (subjectTypes.length && !this.inClasses(subjectTypes, term.domain)) {
          this.report(entryPath, `"${key}" is not a property of ${subjectTypes.join(", ")} (its domain: ${term.domain.join(", ")})`);
        }
      });
    }
  }

  private eachValue(value: unknown, path: string, check: (entry: unknown, entryPath: string) => void) {
    if (Array.isArray(value)) value.forEach((entry, index) => check(entry, `${path}[${index}]`));
    else check(value, path);
  }

  private checkValue(name: string, term: Term, value: unknown, path: string) {
    if (isObject(value)) {
      if ("@value" in value) {
        this.checkValue(name, term, value["@value"], path);
        return;
      }
      const isReference = Object.keys(value).every((key) => key === "@id");
      const types = isReference ? [] : this.checkNode(value, path);
      const classes = term.range.filter((type) => this.terms.get(type)?.kind === "class");
      if (isReference) return;
      if (!types.length) this.report(path, `the value of "${name}" is a node without @type`);
      else if (!this.inClasses(types, classes)) this.report(path, `"${name}" expects ${term.range.join(" or ")}, not ${types.join(", ")}`);
      return;
    }
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      if (!term.range.some((type) => literalFits(this.terms, type, value))) this.report(path, `"${name}" expects ${term.range.join(" or ")}, not the literal ${describe(value)}`);
      return;
    }
    this.report(path, `"${name}" has a value that is neither a node nor a literal: ${describe(value)}`);
  }
}

/** Every way in which a JSON-LD document (one node, an array of nodes or a @graph) departs from schema.org 30.0. */
export function schemaOrgProblems(document: unknown): VocabularyProblem[] {
  vocabulary ??= loadVocabulary();
  const checker = new Checker(vocabulary);
  const roots = Array.isArray(document) ? document : [document];
  roots.forEach((root, index) => {
    const path = roots.length > 1 ? `$[${index}]` : "$";
    if (!isObject(root)) {
      checker.problems.push({ path, message: "a JSON-LD document must be an object" });
      return;
    }
    if (root["@context"] !== contextUrl) checker.problems.push({ path: `${path}.@context`, message: `@context must be "${contextUrl}"` });
    const nodes = Array.isArray(root["@graph"]) ? root["@graph"] : [root];
    nodes.forEach((node, nodeIndex) => {
      const nodePath = nodes === root["@graph"] ? `${path}.@graph[${nodeIndex}]` : path;
      if (isObject(node)) checker.checkNode(Object.fromEntries(Object.entries(node).filter(([key]) => key !== "@graph")), nodePath);
      else checker.problems.push({ path: nodePath, message: "a JSON-LD node must be an object" });
    });
  });
  return checker.problems;
}
