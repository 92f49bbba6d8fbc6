import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { DatabaseError, parseDatabaseUrl } from "./database-url";

export type Db = PrismaClient;
/** A client or an interactive-transaction client: what every lib/ function that writes accepts. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** The only place that knows how to connect: a Prisma client over `pg` for the given URL. */
export function createPrismaClient(url: string, options: { max?: number } = {}): PrismaClient {
  parseDatabaseUrl(url);
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { granskadPrisma?: PrismaClient };

/** The app's client, built from DATABASE_URL once per process (and once per dev-server reload). */
export function getDb(): PrismaClient {
  if (globalForPrisma.granskadPrisma) return globalForPrisma.granskadPrisma;
  const url = process.env.DATABASE_URL;
  if (!url) throw new DatabaseError("DATABASE_URL is not set: start Granskad with `npm start`, which provides one");
  const client = createPrismaClient(url);
  globalForPrisma.granskadPrisma = client;
  return client;
}

/** Closes the app's pool (graceful shutdown); a later getDb() would open a new one. */
export async function disconnectDb(): Promise<void> {
  const client = globalForPrisma.granskadPrisma;
  globalForPrisma.granskadPrisma = undefined;
  await client?.$disconnect();
}
