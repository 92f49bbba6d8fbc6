// Proves that the database the SQL migrations build is the one schema.prisma describes: the Prisma
// client is generated from the schema, the database from the migrations, and nothing else ties the two.
// Rules Prisma cannot express (check constraints, partial indexes, triggers) are allowed on top.
import fs from "node:fs";
import { getDMMF } from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";

type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type Model = Dmmf["datamodel"]["models"][number];
type Field = Model["fields"][number];

/** The part of a migrated database's catalog that schema.prisma speaks about. */
type DatabaseSchema = {
  tables: string[];
  columns: Array<{ table: string; column: string; type: string; notNull: boolean; defaultValue: string | null }>;
  enums: Array<{ name: string; values: string[] }>;
  indexes: Array<{ table: string; name: string; columns: string[]; unique: boolean; primary: boolean; method: string; partial: boolean }>;
  foreignKeys: Array<{
    table: string;
    name: string;
    columns: string[];
    referencedTable: string;
    referencedColumns: string[];
    onDelete: string;
    onUpdate: string;
  }>;
};

const migrationsTable = "_prisma_migrations";

async function readDatabaseSchema(client: pg.Client): Promise<DatabaseSchema> {
  const tables = await client.query<{ table: string }>(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  // Enum columns are described as "enum <name>" so a renamed or retyped enum shows up by name.
  const columns = await client.query<DatabaseSchema["columns"][number]>(
    `SELECT c.relname AS table, a.attname AS column, a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS "defaultValue",
            CASE WHEN coalesce(element.typtype, t.typtype) = 'e'
                 THEN 'enum ' || coalesce(element.typname, t.typname) || CASE WHEN element.oid IS NULL THEN '' ELSE '[]' END
                 ELSE format_type(a.atttypid, a.atttypmod) END AS type
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type element ON element.oid = t.typelem AND t.typcategory = 'A'
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const enums = await client.query<DatabaseSchema["enums"][number]>(
    `SELECT t.typname AS name,
            array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e' ORDER BY 1`,
  );
  // Expression indexes are left out (a 0 in indkey): Prisma cannot describe them, like partial ones.
  const indexes = await client.query<DatabaseSchema["indexes"][number]>(
    `SELECT c.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            am.amname AS method, ix.indpred IS NOT NULL AS partial,
            array(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                   WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class c ON c.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_am am ON am.oid = i.relam
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT (0 = ANY (ix.indkey::int2[]))
      ORDER BY 1, 2`,
  );
  const foreignKeys = await client.query<DatabaseSchema["foreignKeys"][number]>(
    `SELECT c.relname AS table, con.conname AS name, referenced.relname AS "referencedTable",
            con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate",
            array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "referencedColumns"
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_class referenced ON referenced.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND con.contype = 'f' ORDER BY 1, 2`,
  );
  return {
    tables: tables.rows.map((row) => row.table),
    columns: columns.rows,
    enums: enums.rows,
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows,
  };
}

/** Column types Prisma gives each scalar type without a @db attribute, as format_type prints them. */
const defaultColumnTypes: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function withPrecision(type: string, args: readonly string[], suffix = ""): string {
  return `${type}${args.length ? `(${args.join(",")})` : ""}${suffix}`;
}

/** The format_type spelling of a @db native type, or undefined for one this test does not know. */
function nativeColumnType([name, args]: readonly [string, readonly string[]]): string | undefined {
  const fixed: Record<string, string> = {
    Uuid: "uuid",
    Text: "text",
    Integer: "integer",
    SmallInt: "smallint",
    BigInt: "bigint",
    Oid: "oid",
    DoublePrecision: "double precision",
    Real: "real",
    Money: "money",
    Boolean: "boolean",
    Date: "date",
    Json: "json",
    JsonB: "jsonb",
    ByteA: "bytea",
    Xml: "xml",
    Inet: "inet",
    Citext: "citext",
  };
  if (fixed[name]) return fixed[name];
  switch (name) {
    case "VarChar":
      return withPrecision("character varying", args);
    case "Char":
      return withPrecision("character", args);
    case "Decimal":
      return withPrecision("numeric", args);
    case "Bit":
      return withPrecision("bit", args);
    case "VarBit":
      return withPrecision("bit varying", args);
    case "Timestamp":
      return withPrecision("timestamp", args, " without time zone");
    case "Timestamptz":
      return withPrecision("timestamp", args, " with time zone");
    case "Time":
      return withPrecision("time", args, " without time zone");
    case "Timetz":
      return withPrecision("time", args, " with time zone");
    default:
      return undefined;
  }
}

/** How PostgreSQL prints an identifier in an expression (quote_ident). */
function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

type ExpectedDefault =
  | { kind: "none" }
  | { kind: "exactly"; values: string[] }
  | { kind: "matching"; pattern: RegExp }
  | { kind: "present" };

/**
 * The column default Prisma Migrate creates for a field, as pg_get_expr prints it. Defaults Prisma
 * computes in the client (uuid(), cuid(), @updatedAt) must have none in the database.
 */
function expectedDefault(field: Field, columnType: string, enumDbName: (name: string) => string): ExpectedDefault {
  const value = field.default;
  if (value === undefined) return { kind: "none" };
  if (Array.isArray(value)) return { kind: "present" };
  if (typeof value === "object" && value !== null && "name" in value) {
    switch (value.name) {
      case "uuid":
      case "cuid":
      case "nanoid":
      case "ulid":
        return { kind: "none" };
      case "now":
        return { kind: "exactly", values: ["CURRENT_TIMESTAMP"] };
      case "autoincrement":
        return { kind: "matching", pattern: /^nextval\('.+'::regclass\)$/ };
      default:
        return { kind: "present" };
    }
  }
  if (typeof value === "boolean") return { kind: "exactly", values: [String(value)] };
  if (typeof value === "number") return { kind: "exactly", values: [String(value), `'${value}'::${columnType}`, `(${value})`] };
  const literal = `'${String(value).replaceAll("'", "''")}'`;
  if (field.kind === "enum") return { kind: "exactly", values: [`${literal}::${quoteIdent(enumDbName(field.type))}`] };
  if (field.type === "String" || field.type === "Json") return { kind: "exactly", values: [`${literal}::${columnType.replace(/\(.*\)$/, "")}`] };
  return { kind: "present" };
}

function defaultDifference(expected: ExpectedDefault, actual: string | null): string | undefined {
  switch (expected.kind) {
    case "none":
      return actual === null ? undefined : `has default ${actual}, schema.prisma has none in the database`;
    case "present":
      return actual === null ? "has no default, schema.prisma sets one" : undefined;
    case "exactly":
      return actual !== null && expected.values.includes(actual) ? undefined : `has default ${actual ?? "none"}, expected ${expected.values[0]}`;
    case "matching":
      return actual !== null && expected.pattern.test(actual) ? undefined : `has default ${actual ?? "none"}, expected ${expected.pattern}`;
  }
}

const referentialActions: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

/** PostgreSQL's identifier limit; Prisma shortens longer default names, which this test does not model. */
const maxIdentifierLength = 63;

/**
 * The `Unsupported("…")` fields of each model (a tsvector, say), read from the schema's text: the DMMF
 * leaves them out of its models, so without this they would look like columns schema.prisma does not know.
 * Their type is the database's business; that they exist is checked.
 */
function unsupportedFieldsOf(schemaText: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const [, model = "", body = ""] of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    fields.set(model, [...body.matchAll(/^\s*(\w+)\s+Unsupported\(/gm)].map(([, name = ""]) => name));
  }
  return fields;
}

const schemaText = fs.readFileSync("prisma/schema.prisma", "utf8");

/** Every way the migrated database disagrees with schema.prisma, one line each. */
function schemaDifferences(dmmf: Dmmf, database: DatabaseSchema, unsupportedFields = unsupportedFieldsOf(schemaText)): string[] {
  const differences: string[] = [];
  const { models, enums, indexes } = dmmf.datamodel;
  const enumDbNames = new Map(enums.map((schemaEnum) => [schemaEnum.name, schemaEnum.dbName ?? schemaEnum.name]));
  const enumDbName = (name: string) => enumDbNames.get(name) ?? name;
  const tableOf = new Map(models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  // Enums: the same names with the same values (order is not compared: PostgreSQL appends added values).
  const databaseEnums = new Map(database.enums.map((databaseEnum) => [databaseEnum.name, databaseEnum.values]));
  for (const schemaEnum of enums) {
    const name = enumDbName(schemaEnum.name);
    const actual = databaseEnums.get(name);
    if (!actual) {
      differences.push(`enum ${name}: missing from the database`);
      continue;
    }
    const expected = schemaEnum.values.map((value) => value.dbName ?? value.name);
    const missing = expected.filter((value) => !actual.includes(value));
    const extra = actual.filter((value) => !expected.includes(value));
    if (missing.length) differences.push(`enum ${name}: missing value(s) ${missing.join(", ")}`);
    if (extra.length) differences.push(`enum ${name}: value(s) ${extra.join(", ")} not in schema.prisma`);
  }
  for (const name of databaseEnums.keys()) {
    if (![...enumDbNames.values()].includes(name)) differences.push(`enum ${name}: in the database but not in schema.prisma`);
  }

  // Tables: one per model, plus Prisma Migrate's history table, and nothing else.
  const modelTables = new Set(tableOf.values());
  for (const table of modelTables) if (!database.tables.includes(table)) differences.push(`table ${table}: missing from the database`);
  if (!database.tables.includes(migrationsTable)) differences.push(`table ${migrationsTable}: missing from the database`);
  for (const table of database.tables) {
    if (!modelTables.has(table) && table !== migrationsTable) differences.push(`table ${table}: in the database but not a model in schema.prisma`);
  }

  // Columns: type, nullability and default of every scalar and enum field; no column Prisma does not know.
  for (const model of models) {
    const table = tableOf.get(model.name)!;
    if (!database.tables.includes(table)) continue;
    const actualColumns = new Map(database.columns.filter((column) => column.table === table).map((column) => [column.column, column]));
    const expectedColumns = new Set<string>();
    for (const name of unsupportedFields.get(model.name) ?? []) {
      expectedColumns.add(name);
      if (!actualColumns.has(name)) differences.push(`column ${table}.${name}: missing from the database`);
    }
    for (const field of model.fields.filter((candidate) => candidate.kind !== "object")) {
      const column = field.dbName ?? field.name;
      expectedColumns.add(column);
      const where = `column ${table}.${column}`;
      const actual = actualColumns.get(column);
      if (!actual) {
        differences.push(`${where}: missing from the database`);
        continue;
      }
      if (field.kind === "unsupported") continue;
      const baseType =
        field.kind === "enum"
          ? `enum ${enumDbName(field.type)}`
          : field.nativeType
            ? nativeColumnType(field.nativeType)
            : defaultColumnTypes[field.type];
      if (baseType === undefined) {
        differences.push(`${where}: this test does not know the column type of ${field.type} ${JSON.stringify(field.nativeType)}`);
        continue;
      }
      const expectedType = field.isList ? `${baseType}[]` : baseType;
      if (actual.type !== expectedType) differences.push(`${where}: type ${actual.type}, expected ${expectedType}`);
      // Prisma creates list columns without NOT NULL, whatever the field says.
      const expectedNotNull = field.isRequired && !field.isList;
      if (actual.notNull !== expectedNotNull) {
        differences.push(`${where}: ${actual.notNull ? "NOT NULL" : "nullable"}, expected ${expectedNotNull ? "NOT NULL" : "nullable"}`);
      }
      const defaultProblem = defaultDifference(expectedDefault(field, baseType, enumDbName), actual.defaultValue);
      if (defaultProblem) differences.push(`${where}: ${defaultProblem}`);
    }
    for (const column of actualColumns.keys()) {
      if (!expectedColumns.has(column)) differences.push(`column ${table}.${column}: in the database but not in schema.prisma`);
    }
  }

  // Primary keys, unique indexes and plain indexes: the same columns in the same order, Prisma's names.
  // Partial indexes are rules beyond schema.prisma (see the integrity migration) and are not compared.
  const kindOf = (index: { primary: boolean; unique: boolean }) => (index.primary ? "primary key" : index.unique ? "unique index" : "index");
  const keyOf = (kind: string, table: string, columns: readonly string[]) => `${kind} ${table}(${columns.join(", ")})`;
  const nameSuffix: Record<string, string> = { "primary key": "pkey", "unique index": "key", index: "idx" };
  const expectedIndexes = new Map<string, { name: string; method: string }>();
  for (const index of indexes) {
    const model = models.find((candidate) => candidate.name === index.model);
    if (!model) continue;
    const table = tableOf.get(model.name)!;
    const columns = index.fields.map((field) => columnOf(model, field.name));
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
    const suffix = nameSuffix[kind];
    const name = index.dbName ?? (kind === "primary key" ? `${table}_${suffix}` : `${table}_${columns.join("_")}_${suffix}`);
    expectedIndexes.set(keyOf(kind, table, columns), { name, method: (index.algorithm ?? "BTree").toLowerCase() });
  }
  const actualIndexes = new Map(
    database.indexes.filter((index) => !index.partial).map((index) => [keyOf(kindOf(index), index.table, index.columns), index]),
  );
  for (const [key, expected] of expectedIndexes) {
    const actual = actualIndexes.get(key);
    if (!actual) differences.push(`${key}: missing from the database`);
    else {
      if (expected.name.length <= maxIdentifierLength && actual.name !== expected.name) differences.push(`${key}: named ${actual.name}, expected ${expected.name}`);
      if (actual.method !== expected.method) differences.push(`${key}: uses ${actual.method}, expected ${expected.method}`);
    }
  }
  for (const [key, actual] of actualIndexes) {
    if (actual.table !== migrationsTable && !expectedIndexes.has(key)) differences.push(`${key} (${actual.name}): in the database but not in schema.prisma`);
  }

  // Foreign keys: one per relation side with fields, with its columns, target and referential actions.
  const keyOfForeignKey = (table: string, columns: readonly string[], referencedTable: string, referencedColumns: readonly string[]) =>
    `foreign key ${table}(${columns.join(", ")}) -> ${referencedTable}(${referencedColumns.join(", ")})`;
  const expectedForeignKeys = new Map<string, { name: string; onDelete: string; onUpdate: string }>();
  for (const model of models) {
    const table = tableOf.get(model.name)!;
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = models.find((candidate) => candidate.name === field.type)!;
      const columns = field.relationFromFields.map((name) => columnOf(model, name));
      const referencedColumns = (field.relationToFields ?? []).map((name) => columnOf(target, name));
      const anyRequired = field.relationFromFields.some((name) => model.fields.find((candidate) => candidate.name === name)?.isRequired);
      expectedForeignKeys.set(keyOfForeignKey(table, columns, tableOf.get(target.name)!, referencedColumns), {
        name: `${table}_${columns.join("_")}_fkey`,
        // Prisma's defaults when the relation does not say.
        onDelete: field.relationOnDelete ?? (anyRequired ? "Restrict" : "SetNull"),
        onUpdate: field.relationOnUpdate ?? "Cascade",
      });
    }
  }
  const actualForeignKeys = new Map(
    database.foreignKeys.map((key) => [keyOfForeignKey(key.table, key.columns, key.referencedTable, key.referencedColumns), key]),
  );
  for (const [key, expected] of expectedForeignKeys) {
    const actual = actualForeignKeys.get(key);
    if (!actual) {
      differences.push(`${key}: missing from the database`);
      continue;
    }
    if (expected.name.length <= maxIdentifierLength && actual.name !== expected.name) differences.push(`${key}: named ${actual.name}, expected ${expected.name}`);
    const onDelete = referentialActions[actual.onDelete] ?? actual.onDelete;
    const onUpdate = referentialActions[actual.onUpdate] ?? actual.onUpdate;
    if (onDelete !== expected.onDelete) differences.push(`${key}: ON DELETE ${onDelete}, expected ${expected.onDelete}`);
    if (onUpdate !== expected.onUpdate) differences.push(`${key}: ON UPDATE ${onUpdate}, expected ${expected.onUpdate}`);
  }
  for (const [key, actual] of actualForeignKeys) {
    if (!expectedForeignKeys.has(key)) differences.push(`${key} (${actual.name}): in the database but not in schema.prisma`);
  }

  return differences;
}

describe("the migrated database matches prisma/schema.prisma", () => {
  let database: TestDatabase;
  let dmmf: Dmmf;
  let migrated: DatabaseSchema;

  beforeAll(async () => {
    [database, dmmf] = await Promise.all([createTestDatabase(), getDMMF({ datamodel: schemaText })]);
    await applyMigrations(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      migrated = await readDatabaseSchema(client);
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("has every model, column, enum, key, index and relation of the schema, and nothing the schema does not know", () => {
    const differences = schemaDifferences(dmmf, migrated);
    expect(differences, `schema.prisma and the migrated database differ:\n  ${differences.join("\n  ")}`).toEqual([]);
    // The comparison covered the whole schema, not an empty reading of the catalog.
    expect(migrated.tables).toHaveLength(dmmf.datamodel.models.length + 1);
    expect(migrated.enums).toHaveLength(dmmf.datamodel.enums.length);
  });

  it("reports each kind of disagreement, all at once", () => {
    // A copy of the migrated catalog with one disagreement of every kind the comparison knows.
    const drifted: DatabaseSchema = structuredClone(migrated);
    const column = (table: string, name: string) => drifted.columns.find((entry) => entry.table === table && entry.column === name)!;
    drifted.columns = drifted.columns.filter((entry) => !(entry.table === "User" && entry.column === "specialty"));
    drifted.columns.push({ table: "User", column: "nickname", type: "text", notNull: true, defaultValue: null });
    column("Article", "slug").type = "character varying(100)";
    column("Article", "archivedAt").notNull = true;
    column("Article", "locale").defaultValue = "'en'::text";
    column("User", "id").defaultValue = "gen_random_uuid()";
    column("ContentVersion", "status").type = "text";
    drifted.columns = drifted.columns.filter((entry) => !(entry.table === "SearchDocument" && entry.column === "searchVector"));
    drifted.enums.find((entry) => entry.name === "Role")!.values = ["EDITOR", "ADMIN", "OWNER"];
    drifted.enums.push({ name: "Mood", values: ["HAPPY"] });
    drifted.tables = drifted.tables.filter((table) => table !== "RateLimit");
    drifted.tables.push("Scratch");
    drifted.indexes = drifted.indexes.filter((index) => index.name !== "User_email_key");
    drifted.indexes.find((index) => index.name === "Article_slug_locale_key")!.columns = ["slug"];
    drifted.foreignKeys.find((key) => key.name === "VersionAuthor_versionId_fkey")!.onDelete = "r";
    drifted.foreignKeys = drifted.foreignKeys.filter((key) => key.name !== "AuditEvent_actorId_fkey");

    // Exactly these: a comparison that also reports things that agree would be as useless as a silent one.
    expect(schemaDifferences(dmmf, drifted).sort()).toEqual(
      [
        "enum Role: missing value(s) REVIEWER",
        "enum Role: value(s) OWNER not in schema.prisma",
        "enum Mood: in the database but not in schema.prisma",
        "table RateLimit: missing from the database",
        "table Scratch: in the database but not a model in schema.prisma",
        "column User.specialty: missing from the database",
        "column User.nickname: in the database but not in schema.prisma",
        "column User.id: has default gen_random_uuid(), schema.prisma has none in the database",
        "column Article.slug: type character varying(100), expected text",
        "column Article.archivedAt: NOT NULL, expected nullable",
        "column Article.locale: has default 'en'::text, expected 'sv'::text",
        "column ContentVersion.status: type text, expected enum VersionStatus",
        "column SearchDocument.searchVector: missing from the database",
        "unique index User(email): missing from the database",
        "unique index Article(slug, locale): missing from the database",
        "unique index Article(slug) (Article_slug_locale_key): in the database but not in schema.prisma",
        "foreign key VersionAuthor(versionId) -> ContentVersion(id): ON DELETE Restrict, expected Cascade",
        "foreign key AuditEvent(actorId) -> User(id): missing from the database",
      ].sort(),
    );
  });
});
