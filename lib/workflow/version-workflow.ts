import type { ChangeKind, Role, VersionStatus } from "@/lib/db/generated/enums";
import { clinicianRequiredRefusal, rolesPhrase, statusesPhrase, versionActionLabels, versionStatusLabels } from "@/lib/labels/sv";

/**
 * The editorial workflow: every action on a version, the states it may start from, the state it leads
 * to, and who may perform it. Everything else (server actions, the dashboard, buttons in the UI, the
 * scheduler) asks `checkTransition`; no other module decides these rules. The transition runner
 * (lib/workflow/transition-runner.ts) applies `to`: to the version itself, or, for an action that
 * `startsNewVersion`, to the new version it creates from this one.
 */
export const versionTransitions = {
  /** An editor freezes a draft for review. */
  submit: { from: ["DRAFT"], to: "IN_REVIEW", roles: ["EDITOR"], authorsExcluded: false },
  /** A reviewer sends it back; the editor revises in a new draft. */
  requestChanges: { from: ["IN_REVIEW"], to: "CHANGES_REQUESTED", roles: ["REVIEWER"], authorsExcluded: true },
  /**
   * Four-eyes: nobody who wrote or edited the version may approve it, nor anyone through an account one
   * of its authors created or made a reviewer (`Authorship`).
   */
  approve: { from: ["IN_REVIEW"], to: "APPROVED", roles: ["REVIEWER"], authorsExcluded: true, clinicalNeedsClinician: true },
  /**
   * Publishing (now or by the scheduler at the time an admin chose) requires an approved version: one
   * approved and not yet published, or one that was published and withdrawn (its approval stands), which
   * can be published again unless the item has been published since (lib/workflow/publish-versions.ts).
   */
  publish: { from: ["APPROVED", "UNPUBLISHED"], to: "PUBLISHED", roles: ["ADMIN"], authorsExcluded: false },
  schedulePublish: { from: ["APPROVED"], to: "APPROVED", roles: ["ADMIN"], authorsExcluded: false },
  unpublish: { from: ["PUBLISHED"], to: "UNPUBLISHED", roles: ["ADMIN"], authorsExcluded: false },
  scheduleUnpublish: { from: ["PUBLISHED"], to: "PUBLISHED", roles: ["ADMIN"], authorsExcluded: false },
  /** A reviewer confirms unchanged published content is still correct: new review dates, same content. */
  reattest: { from: ["PUBLISHED"], to: "PUBLISHED", roles: ["REVIEWER"], authorsExcluded: true, clinicalNeedsClinician: true },
  /** Comments belong to review. An invited outside expert's comments too (lib/external-review), by this row's `from`. */
  comment: { from: ["IN_REVIEW"], to: "IN_REVIEW", roles: ["REVIEWER"], authorsExcluded: false },
  /**
   * A reviewer or an admin invites an outside expert to a version in review through a link pinned to it
   * (lib/external-review). The expert comments; only a reviewer decides.
   */
  inviteExternalReviewer: { from: ["IN_REVIEW"], to: "IN_REVIEW", roles: ["REVIEWER", "ADMIN"], authorsExcluded: false },
  /** Only a draft's content changes; every save carries the revision it was based on. */
  editDraft: { from: ["DRAFT"], to: "DRAFT", roles: ["EDITOR"], authorsExcluded: false },
  /** Any frozen version can become the basis of a new draft (revise after changes, or restore). */
  startDraftFrom: {
    from: ["IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "SUPERSEDED", "UNPUBLISHED"],
    to: "DRAFT",
    roles: ["EDITOR"],
    authorsExcluded: false,
    startsNewVersion: true,
  },
} as const satisfies Record<
  keyof typeof versionActionLabels,
  {
    from: readonly VersionStatus[];
    to: VersionStatus;
    roles: readonly Role[];
    authorsExcluded: boolean;
    startsNewVersion?: true;
    /**
     * Clinical review (issue 11.4): on a version whose change is clinical (lib/content/change-kind.ts),
     * only a reviewer with the clinician flag may take the action. The database refuses it too
     * (trigger "ReviewDecision_clinical_review").
     */
    clinicalNeedsClinician?: true;
  }
>;

export type VersionAction = keyof typeof versionTransitions;
export const versionActions = Object.keys(versionTransitions) as VersionAction[];

/** Publishing a new version moves the previous published one here; it is no user's action. */
export const supersededStatus: VersionStatus = "SUPERSEDED";

/**
 * How the actor stands to the version, for four-eyes: one of its authors (or its creator); someone whose
 * account one of its authors created (and so set the password of), or granted the reviewer role, directly
 * or through an account they created (lib/auth/account-provenance.ts); or independent of it.
 */
export type Authorship = "author" | "authorsAccount" | "independent";

/** Why four-eyes bars an actor, in the words they are shown. */
export const fourEyesRefusals: Record<Exclude<Authorship, "independent">, string> = {
  author: "Du har skrivit eller redigerat versionen och kan inte granska den (fyraögonsprincipen).",
  authorsAccount: "Ditt konto skapades eller fick granskarrollen av någon som har skrivit eller redigerat versionen, så du kan inte granska den (fyraögonsprincipen).",
};

export type TransitionCheck =
  | { allowed: true; to: VersionStatus }
  | { allowed: false; reason: "forbidden" | "conflict"; message: string; fourEyes?: Exclude<Authorship, "independent">; clinicianRequired?: true };

/** Who acts: their roles, and whether an admin has marked them a clinician. */
export type Actor = { roles: readonly Role[]; clinician: boolean };

/** What the table asks of a version: its status, and whether it changes clinical content. */
export type VersionState = { status: VersionStatus; changeKind: ChangeKind };

/** Who is acting on a version: a signed-in user, or the scheduler (id null) acting on an admin's earlier decision. */
export type WorkflowActor = Actor & { id: string | null };

export function checkTransition(action: VersionAction, version: VersionState, actor: Actor, authorship: Authorship): TransitionCheck {
  const rule = versionTransitions[action];
  if (!rule.roles.some((role) => actor.roles.includes(role))) {
    return { allowed: false, reason: "forbidden", message: `Bara ${rolesPhrase(rule.roles)} kan ${versionActionLabels[action]}.` };
  }
  if (rule.authorsExcluded && authorship !== "independent") {
    return { allowed: false, reason: "forbidden", message: fourEyesRefusals[authorship], fourEyes: authorship };
  }
  if (!(rule.from as readonly VersionStatus[]).includes(version.status)) {
    return {
      allowed: false,
      reason: "conflict",
      message: `Det går inte att ${versionActionLabels[action]} när den är ${versionStatusLabels[version.status]}: versionen måste vara ${statusesPhrase(rule.from)}.`,
    };
  }
  if ("clinicalNeedsClinician" in rule && version.changeKind === "CLINICAL" && !actor.clinician) {
    return { allowed: false, reason: "forbidden", message: clinicianRequiredRefusal, clinicianRequired: true };
  }
  return { allowed: true, to: rule.to };
}

/** The actions an actor can take on a version now, for showing only the buttons that will work. */
export function availableActions(version: VersionState, actor: Actor, authorship: Authorship): VersionAction[] {
  return versionActions.filter((action) => checkTransition(action, version, actor, authorship).allowed);
}
