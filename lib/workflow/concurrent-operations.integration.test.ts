import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { readRiskListContent } from "@/lib/content/version-content";
import type { RiskListContent } from "@/lib/content/content-schemas";
import { approvedRiskListVersion } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { saveDraft, startDraft } from "./draft-versions";
import { publishVersion, unpublishVersion } from "./publish-versions";
import { requestChanges, submitForReview } from "./review-versions";

/*
 * Races between operations on one version or one item. On PostgreSQL (CI's second pass, or
 * DATABASE_URL=postgresql://… locally) the transactions really run at the same time and only the row locks
 * of the transition runner order them; on the embedded PGlite the socket server runs one transaction at a
 * time, so there the same tests check the outcomes of every order the operations can commit in, but
 * cannot exercise the locks. Both passes run in CI (.ci/run).
 */

let kit: TestKit;
let db: Db;
let editors: TestUser[];

beforeAll(async () => {
  kit = await openTestKit({ name: "concurrent-operations" });
  db = kit.db;
  editors = await Promise.all(Array.from({ length: 20 }, (_, index) => kit.createUser(`editor-${index}`, ["EDITOR"])));
});

afterAll(async () => {
  await kit?.close();
});

/** Rounds of the 20 concurrent saves (each round one fewer): enough to show a second and third revision won the same way. */
const rounds = 3;

const summaryOf = (editor: TestUser) => `Sammanfattning skriven av ${editor.name}.`;

async function openDraft(slug: string) {
  const list = await db.riskList.findFirstOrThrow({ where: { slug } });
  const draft = await startDraft(db, editors[0]!, { item: { kind: "riskList", id: list.id } });
  if (!draft.ok) throw new Error(draft.failure.message);
  return { draft: draft.value, content: await readRiskListContent(db, draft.value.id) };
}

describe("concurrent saves of one draft", () => {
  it("20 editors save at once from the revision they saw: exactly one wins per revision, every other gets the stored text, none is lost", { timeout: 180_000 }, async () => {
    const { draft, content } = await openDraft("biverkningar-av-kortison");
    // Each editor's text, and the revision it is based on; a refused editor takes the stored revision and saves again.
    const waiting = new Map(editors.map((editor) => [editor.id, { editor, baseRevision: draft.revision }]));
    const winners: { editor: TestUser; revision: number }[] = [];

    // Three rounds: 20 at once, then the 19 refused again from the revision they were handed, then 18.
    for (let round = 0; round < rounds; round++) {
      const round = [...waiting.values()];
      const results = await Promise.all(
        round.map(({ editor, baseRevision }) =>
          saveDraft(db, editor, { kind: "riskList", versionId: draft.id, baseRevision, content: { ...content, summary: summaryOf(editor) } satisfies RiskListContent }),
        ),
      );
      const won = round.filter((_, index) => results[index]!.ok);
      // Every editor of the round started from the same revision: exactly one of them may win it.
      expect(won).toHaveLength(1);
      const winner = won[0]!;
      const stored = await db.contentVersion.findUniqueOrThrow({ where: { id: draft.id } });
      expect(stored.revision).toBe(winner.baseRevision + 1);
      expect(stored.summary).toBe(summaryOf(winner.editor));
      expect(stored.savedById).toBe(winner.editor.id);
      winners.push({ editor: winner.editor, revision: stored.revision });
      waiting.delete(winner.editor.id);

      for (const [index, result] of results.entries()) {
        const { editor } = round[index]!;
        if (result.ok) {
          expect(result.value.revision).toBe(stored.revision);
          continue;
        }
        // Not lost silently: a conflict that hands back the text now stored and who saved it.
        expect(result).toMatchObject({ ok: false, failure: { kind: "conflict" } });
        if (!("stale" in result)) throw new Error(`${editor.name}'s save was refused without the stored text: ${result.failure.message}`);
        expect(result.stale).toMatchObject({ revision: stored.revision, savedBy: winner.editor.name, content: { summary: summaryOf(winner.editor) } });
        waiting.set(editor.id, { editor, baseRevision: result.stale.revision });
      }
    }

    // One revision per round, in order, each by a different editor; only the winners became authors.
    expect(winners.map(({ revision }) => revision)).toEqual(Array.from({ length: rounds }, (_, index) => draft.revision + index + 1));
    expect(new Set(winners.map(({ editor }) => editor.id)).size).toBe(rounds);
    expect(waiting.size).toBe(20 - rounds);
    const authors = await db.versionAuthor.findMany({ where: { versionId: draft.id }, select: { userId: true } });
    expect(new Set(authors.map(({ userId }) => userId))).toEqual(new Set([editors[0]!.id, ...winners.map(({ editor }) => editor.id)]));
  });

  it("a submit based on a revision someone has saved over is refused, like a stale save, and freezes nothing", async () => {
    const { draft, content } = await openDraft("nervblockader-biverkningar");
    const [first, second] = [editors[1]!, editors[2]!];
    const saved = await saveDraft(db, first, { kind: "riskList", versionId: draft.id, baseRevision: draft.revision, content: { ...content, summary: summaryOf(first) } });
    if (!saved.ok) throw new Error(saved.failure.message);
    // `second` opened the draft at this revision; `first` saves again before `second` submits.
    const seenBySecond = saved.value.revision;
    const again = await saveDraft(db, first, { kind: "riskList", versionId: draft.id, baseRevision: seenBySecond, content: { ...content, summary: "Ändrad igen." } });
    expect(again.ok).toBe(true);

    const stale = await submitForReview(db, second, { versionId: draft.id, baseRevision: seenBySecond, changeNote: "Klar", readerNote: "Ny sammanfattning" });
    expect(stale).toMatchObject({ ok: false, failure: { kind: "conflict", message: expect.stringContaining(`${first.name} har sparat utkastet sedan du öppnade det`) } });
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "DRAFT", contentHash: null, submittedAt: null });
    expect(await db.auditEvent.count({ where: { action: "version.submitted", data: { path: ["versionId"], equals: draft.id } } })).toBe(0);

    const current = await submitForReview(db, second, { versionId: draft.id, baseRevision: seenBySecond + 1, changeNote: "Klar", readerNote: "Ny sammanfattning" });
    expect(current).toMatchObject({ ok: true, value: { status: "IN_REVIEW", summary: "Ändrad igen." } });
  });

  it("a save and a submit at once: either the save lands and the submit is stale, or the submit freezes the text and the save is refused", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 6; round++) {
      const { draft, content } = await openDraft("radiofrekvensablation-biverkningar");
      const [saver, submitter] = [editors[3]!, editors[4]!];
      const [save, submit] = await Promise.all([
        saveDraft(db, saver, { kind: "riskList", versionId: draft.id, baseRevision: draft.revision, content: { ...content, summary: `Omgång ${round}.` } }),
        submitForReview(db, submitter, { versionId: draft.id, baseRevision: draft.revision, changeNote: "Klar", readerNote: "Genomläst" }),
      ]);
      const stored = await db.contentVersion.findUniqueOrThrow({ where: { id: draft.id } });
      if (save.ok) {
        expect(submit).toMatchObject({ ok: false, failure: { kind: "conflict" } });
        expect(stored).toMatchObject({ status: "DRAFT", summary: `Omgång ${round}.`, revision: draft.revision + 1 });
      } else {
        expect(submit.ok).toBe(true);
        expect(save).toMatchObject({ ok: false, failure: { kind: "conflict" } });
        expect(stored).toMatchObject({ status: "IN_REVIEW", summary: content.summary, revision: draft.revision });
      }
      // Leave nothing open for the next round: submit a saved draft, and send the version back, so the item takes a new draft.
      if (stored.status === "DRAFT") {
        const submitted = await submitForReview(db, submitter, { versionId: draft.id, baseRevision: stored.revision, changeNote: "Klar", readerNote: "Genomläst" });
        if (!submitted.ok) throw new Error(submitted.failure.message);
      }
      const returned = await requestChanges(db, kit.users.reviewer, { versionId: draft.id, comment: "Nästa omgång" });
      if (!returned.ok) throw new Error(returned.failure.message);
    }
  });
});

describe("concurrent publish and unpublish of one item", () => {
  it("ends in one of the two legal states, every time", { timeout: 180_000 }, async () => {
    const admin = kit.users.admin;
    const slug = "epidurala-injektioner-risker";
    for (let round = 0; round < 12; round++) {
      const published = await db.contentVersion.findFirstOrThrow({ where: { riskList: { slug }, status: "PUBLISHED" } });
      const approved = await approvedRiskListVersion(db, { editor: editors[5]!, reviewer: kit.users.reviewer }, slug);
      const [publish, unpublish] = await Promise.all([
        publishVersion(db, admin, { versionId: approved.id }),
        unpublishVersion(db, admin, { versionId: published.id }),
      ]);
      const [oldVersion, newVersion] = await Promise.all([
        db.contentVersion.findUniqueOrThrow({ where: { id: published.id } }),
        db.contentVersion.findUniqueOrThrow({ where: { id: approved.id } }),
      ]);
      const audited = async (action: string, versionId: string) => db.auditEvent.count({ where: { action, data: { path: ["versionId"], equals: versionId } } });

      // The new version is published either way: a publish needs nothing of the old one.
      expect(publish.ok).toBe(true);
      expect(newVersion.status).toBe("PUBLISHED");
      if (unpublish.ok) {
        // The withdrawal committed first: the old version stays withdrawn, and the publish superseded nothing.
        expect(oldVersion).toMatchObject({ status: "UNPUBLISHED" });
        expect(oldVersion.unpublishedAt).not.toBeNull();
        expect(newVersion.supersedesId).toBeNull();
        expect(await audited("item.unpublished", published.id)).toBe(1);
      } else {
        // The publish committed first: the old version is superseded, and the withdrawal of it was refused.
        expect(unpublish).toMatchObject({ ok: false, failure: { kind: "conflict" } });
        expect(oldVersion).toMatchObject({ status: "SUPERSEDED", unpublishedAt: null });
        expect(newVersion.supersedesId).toBe(published.id);
        expect(await audited("item.unpublished", published.id)).toBe(0);
      }
      expect(await audited("version.published", approved.id)).toBe(1);
      expect(await db.contentVersion.count({ where: { riskList: { slug }, status: "PUBLISHED" } })).toBe(1);
    }
  });
});
