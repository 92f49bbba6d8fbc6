import { z } from "zod";

/** A failure the CLI and the app report as one line, without a stack trace. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}

const databaseUrlSchema = z
  .string()
  .trim()
  .min(1)
  .refine((value) => URL.canParse(value), { message: "is not a URL", abort: true })
  .refine((value) => /^postgres(ql)?:$/.test(new URL(value).protocol), "must start with postgresql://")
  .refine((value) => new URL(value).hostname !== "", "has no host")
  .refine((value) => new URL(value).pathname.length > 1, "names no database (…/dbname)");

/** Validates a PostgreSQL connection URL; throws DatabaseError with a one-line explanation. */
export function parseDatabaseUrl(value: string): URL {
  const result = databaseUrlSchema.safeParse(value);
  if (!result.success) {
    const reason = result.error.issues[0]?.message ?? "is invalid";
    throw new DatabaseError(`DATABASE_URL ${reason}: expected postgresql://user:password@host:5432/database`);
  }
  return new URL(result.data);
}

/** The URL with its password removed, safe for messages and logs. */
export function redactDatabaseUrl(url: string | URL): string {
  try {
    const copy = new URL(url.toString());
    if (copy.password) copy.password = "***";
    return copy.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** A database URL on the same server as `url`, naming `database` instead. */
export function withDatabaseName(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.toString();
}

const connectionErrorCodes: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  ETIMEDOUT: "connection timed out",
  EAI_AGAIN: "host lookup failed",
  "28P01": "password authentication failed",
  "28000": "authentication rejected",
  "3D000": "database does not exist",
};

/** Turns a driver error into a DatabaseError that says where and why, in one line. */
export function describeConnectionError(error: unknown, url: string): DatabaseError {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const reason =
    connectionErrorCodes[code] ?? (error instanceof Error && error.message ? error.message.split("\n")[0] : "unknown error");
  return new DatabaseError(`Cannot reach the database at ${redactDatabaseUrl(url)}: ${reason}`);
}
