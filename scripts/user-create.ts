// `npm run user:create -- --email a@b.se --role admin [--role reviewer] [--clinician] [--name "…" --title "…" --specialty "…"]`
// Creates a user on DATABASE_URL (or the embedded database). The password is never an argument: it is
// asked for at a hidden prompt, or read from standard input when that is not a terminal.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { createUser } from "@/lib/auth/create-user";
import { createUserSchema } from "@/lib/auth/user-schemas";
import { assertDatabaseReachable } from "@/lib/db/assert-database-reachable";
import { createPrismaClient } from "@/lib/db/client";
import { withDatabaseUrl } from "@/lib/db/embedded-database";
import { Role } from "@/lib/db/generated/enums";
import type { DomainFailure } from "@/lib/errors/domain-result";
import { parseInput } from "@/lib/http/parse-input";
import { runCli } from "./run-cli";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  const prompt = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const output = rl as unknown as { _writeToOutput: (text: string) => void };
      output._writeToOutput = (text) => process.stdout.write(text.startsWith(question) ? text : "");
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const password = await prompt("Password: ");
  if ((await prompt("Repeat password: ")) !== password) throw new Error("The passwords do not match");
  return password;
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", multiple: true },
      name: { type: "string" },
      title: { type: "string" },
      specialty: { type: "string" },
      /** May approve and re-attest clinical changes. */
      clinician: { type: "boolean" },
    },
  });
  if (!values.email || !values.role?.length) throw new Error("usage: npm run user:create -- --email ADDRESS --role admin|editor|reviewer [--role …] [--name NAME]");
  const roles = values.role.map((role) => role.toUpperCase());
  const unknown = roles.filter((role) => !(role in Role));
  if (unknown.length) throw new Error(`Unknown role ${unknown.join(", ")}: use admin, editor or reviewer`);

  const password = await readPassword();
  // The same schema as the admin's form, parsed once; the operation takes what it returns.
  const input = orThrow(
    parseInput(createUserSchema, { email: values.email, name: values.name ?? values.email, title: values.title, specialty: values.specialty, roles, clinician: values.clinician ?? false, password }),
  );
  await withDatabaseUrl(async (url) => {
    await assertDatabaseReachable(url);
    const db = createPrismaClient(url, { max: 1 });
    try {
      const created = orThrow(await createUser(db, input, null));
      console.log(`Created ${created.email} with role(s) ${roles.join(", ").toLowerCase()}`);
    } finally {
      await db.$disconnect();
    }
  });
}

/** A refusal as one line: its message and the fields it names. */
function orThrow<T>(result: { ok: true; value: T } | { ok: false; failure: DomainFailure }): T {
  if (result.ok) return result.value;
  const fields = Object.entries(result.failure.kind === "invalid" ? (result.failure.fieldErrors ?? {}) : {})
    .map(([field, errors]) => `${field}: ${errors.join(", ")}`)
    .join("; ");
  throw new Error(fields ? `${result.failure.message} (${fields})` : result.failure.message);
}

void runCli(main);
