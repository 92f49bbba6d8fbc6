import type { SessionUser } from "@/lib/auth/current-user";
import { seedDatabase } from "@/lib/content/seed";
import { syncSearchDocuments } from "@/lib/search/search-documents";
import { disconnectDb, getDb, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { applyMigrations } from "@/lib/db/migrate";
import { getJobQueue, stopJobQueue, type JobQueue } from "@/lib/queue/job-queue";
import { wireDomainEvents } from "@/lib/startup/domain-event-wiring";
import { createTestDatabase } from "./test-database";
import { testRequest } from "./test-request";

/** A user of the test: the shape the session gives the app, and an actor for operations called directly. */
export type TestUser = SessionUser;

export type TestKitOptions = {
  /** Names this file's users (`<name>-editor@test.local`), so that two kits never share an e-mail. */
  name: string;
  /** Load the seed content (published articles and risk lists), as `npm start` does. Default true. */
  seed?: boolean;
  /**
   * Start the app's job queue now rather than on first use (default true, as the server starts its
   * workers before it serves), so that no step under test is the one that creates pg-boss's schema:
   * tests comparing everything stored before and after need this, and so does every operation that
   * queues a job in its transaction (a submission queues the reviewers' notification e-mails), which
   * must not spend its transaction's time starting the queue.
   */
  startJobQueue?: boolean;
  /** Create `users` (one per role). Default true; false for a test that counts every user. */
  users?: boolean;
};

export type TestKit = {
  /** The app's own client (getDb()), on this test's database: what server actions and routes use. */
  db: Db;
  url: string;
  /** One user per role, created with the kit. */
  users: Record<"editor" | "reviewer" | "admin", TestUser>;
  /** Another user, e.g. one with several roles or a particular name and title. */
  /** A reviewer is a clinician unless `profile.clinician` says otherwise (as the migration backfilled existing reviewers). */
  createUser: (key: string, roles: Role[], profile?: Partial<Pick<TestUser, "name" | "title" | "specialty" | "clinician">>) => Promise<TestUser>;
  /**
   * From now on the session cookie signs in `user` (null: nobody), as a browser's would: the app re-reads
   * the user on every request, so a deactivated account or a changed role ends the session.
   */
  signIn: (user: Pick<TestUser, "id"> | null) => Promise<void>;
  /** The app's job queue (pg-boss) on this database, as server actions and operations use it. */
  jobQueue: () => Promise<JobQueue>;
  close: () => Promise<void>;
};

let open: string | undefined;

/**
 * The one way an integration test gets its world: a fresh database (in-memory PGlite, or a new database
 * on the PostgreSQL server of DATABASE_URL), migrated, seeded unless `seed: false`, with one user per
 * role; the app's database client, job queue and session point at it until `close()`, and domain events
 * are wired as at start-up. One kit at a time per test file (describe blocks may open one after another).
 */
export function openTestKit(options: TestKitOptions & { users: false }): Promise<Omit<TestKit, "users">>;
export function openTestKit(options: TestKitOptions): Promise<TestKit>;
export async function openTestKit(options: TestKitOptions): Promise<TestKit | Omit<TestKit, "users">> {
  if (open) throw new Error(`a test kit (${open}) is still open: close it before opening ${options.name}`);
  open = options.name;
  const database = await createTestDatabase();
  await applyMigrations(database.url);
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret";
  const db = getDb();
  // What operations cause (webhook deliveries, cache invalidation), wired as at the app's start-up.
  wireDomainEvents();
  if (options.seed ?? true) {
    await seedDatabase(db, { demoUsers: false });
    // The seed writes published versions directly; the server's start-up indexes them for search, as here.
    await syncSearchDocuments(db);
  }

  const createUser: TestKit["createUser"] = async (key, roles, profile = {}) => {
    const user = await db.user.create({
      data: { email: `${options.name}-${key}@test.local`.toLowerCase(), name: `Test ${key}`, title: "Leg. läkare", specialty: "Smärtlindring", roles, clinician: roles.includes("REVIEWER"), ...profile },
    });
    return { id: user.id, email: user.email, name: user.name, title: user.title, specialty: user.specialty, roles: user.roles, clinician: user.clinician };
  };
  if (options.startJobQueue ?? true) await getJobQueue();
  testRequest.session = null;
  testRequest.cookies.clear();

  const kit: Omit<TestKit, "users"> = {
    db,
    url: database.url,
    createUser,
    signIn: async (user) => {
      if (!user) {
        testRequest.session = null;
        return;
      }
      const { sessionEpoch } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionEpoch: true } });
      testRequest.session = { userId: user.id, sessionEpoch };
    },
    jobQueue: getJobQueue,
    close: async () => {
      testRequest.session = null;
      await stopJobQueue(1_000);
      await disconnectDb();
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
      await database.drop();
      open = undefined;
    },
  };
  if (options.users === false) return kit;
  return { ...kit, users: { editor: await createUser("editor", ["EDITOR"]), reviewer: await createUser("reviewer", ["REVIEWER"]), admin: await createUser("admin", ["ADMIN"]) } };
}
