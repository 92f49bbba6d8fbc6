import { describe, expect, it } from "vitest";
import { ChangeKind, Role, VersionStatus } from "@/lib/db/generated/enums";
import { availableActions, checkTransition, versionActions, type Authorship, type VersionAction } from "./version-workflow";

// The expected rules, written out independently of the module: which statuses each action starts
// from, which roles perform it, whether the version's own authors are barred (four-eyes), and whether a
// clinical change needs a clinician (issue 11.4).
const expected: Record<VersionAction, { from: VersionStatus[]; roles: Role[]; to: VersionStatus; authorsBarred: boolean; clinicianForClinical?: true }> = {
  submit: { from: ["DRAFT"], roles: ["EDITOR"], to: "IN_REVIEW", authorsBarred: false },
  requestChanges: { from: ["IN_REVIEW"], roles: ["REVIEWER"], to: "CHANGES_REQUESTED", authorsBarred: true },
  approve: { from: ["IN_REVIEW"], roles: ["REVIEWER"], to: "APPROVED", authorsBarred: true, clinicianForClinical: true },
  publish: { from: ["APPROVED", "UNPUBLISHED"], roles: ["ADMIN"], to: "PUBLISHED", authorsBarred: false },
  schedulePublish: { from: ["APPROVED"], roles: ["ADMIN"], to: "APPROVED", authorsBarred: false },
  unpublish: { from: ["PUBLISHED"], roles: ["ADMIN"], to: "UNPUBLISHED", authorsBarred: false },
  scheduleUnpublish: { from: ["PUBLISHED"], roles: ["ADMIN"], to: "PUBLISHED", authorsBarred: false },
  reattest: { from: ["PUBLISHED"], roles: ["REVIEWER"], to: "PUBLISHED", authorsBarred: true, clinicianForClinical: true },
  comment: { from: ["IN_REVIEW"], roles: ["REVIEWER"], to: "IN_REVIEW", authorsBarred: false },
  inviteExternalReviewer: { from: ["IN_REVIEW"], roles: ["REVIEWER", "ADMIN"], to: "IN_REVIEW", authorsBarred: false },
  editDraft: { from: ["DRAFT"], roles: ["EDITOR"], to: "DRAFT", authorsBarred: false },
  startDraftFrom: {
    from: ["IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "SUPERSEDED", "UNPUBLISHED"],
    roles: ["EDITOR"],
    to: "DRAFT",
    authorsBarred: false,
  },
};

const statuses = Object.values(VersionStatus);
const roles = Object.values(Role);
const changeKinds = Object.values(ChangeKind);
const roleSets: Role[][] = [[], ...roles.map((role) => [role]), ["EDITOR", "REVIEWER"], ["REVIEWER", "ADMIN"], ["EDITOR", "ADMIN"], [...roles]];

describe("version workflow", () => {
  it("knows exactly the expected actions", () => {
    expect(versionActions.sort()).toEqual(Object.keys(expected).sort());
  });

  // The actor wrote the version; or their account was created or made a reviewer by one who did; or neither.
  const authorships: Authorship[] = ["author", "authorsAccount", "independent"];
  const cases = versionActions.flatMap((action) =>
    statuses.flatMap((status) =>
      changeKinds.flatMap((changeKind) =>
        roleSets.flatMap((actorRoles) =>
          [false, true].flatMap((clinician) => authorships.map((authorship) => ({ action, status, changeKind, actorRoles, clinician, authorship }))),
        ),
      ),
    ),
  );

  it.each(cases)("$action from $status ($changeKind) by [$actorRoles] (clinician: $clinician, $authorship)", ({ action, status, changeKind, actorRoles, clinician, authorship }) => {
    const rule = expected[action];
    const result = checkTransition(action, { status, changeKind }, { roles: actorRoles, clinician }, authorship);
    const hasRole = rule.roles.some((role) => actorRoles.includes(role));
    if (!hasRole) {
      expect(result).toMatchObject({ allowed: false, reason: "forbidden" });
    } else if (rule.authorsBarred && authorship !== "independent") {
      expect(result).toMatchObject({ allowed: false, reason: "forbidden", fourEyes: authorship, message: expect.stringContaining("fyraögonsprincipen") });
    } else if (!rule.from.includes(status)) {
      expect(result).toMatchObject({ allowed: false, reason: "conflict" });
    } else if (rule.clinicianForClinical && changeKind === "CLINICAL" && !clinician) {
      expect(result).toMatchObject({ allowed: false, reason: "forbidden", clinicianRequired: true, message: expect.stringContaining("klinisk behörighet") });
    } else {
      expect(result).toEqual({ allowed: true, to: rule.to });
    }
  });

  it("never lets an author approve, whatever roles they hold", () => {
    const everything = { roles: [...roles], clinician: true };
    const inReview = { status: "IN_REVIEW", changeKind: "CLINICAL" } as const;
    expect(checkTransition("approve", inReview, everything, "author").allowed).toBe(false);
    expect(availableActions(inReview, everything, "author")).not.toContain("approve");
    expect(availableActions(inReview, everything, "authorsAccount")).not.toContain("approve");
    expect(availableActions(inReview, everything, "independent")).toContain("approve");
  });

  it("lets a reviewer who is not a clinician decide editorial changes, and send clinical ones back, but not approve or re-attest them", () => {
    const reviewer = { roles: ["REVIEWER"] as Role[], clinician: false };
    expect(availableActions({ status: "IN_REVIEW", changeKind: "EDITORIAL" }, reviewer, "independent").sort()).toEqual(["approve", "comment", "inviteExternalReviewer", "requestChanges"]);
    expect(availableActions({ status: "IN_REVIEW", changeKind: "CLINICAL" }, reviewer, "independent").sort()).toEqual(["comment", "inviteExternalReviewer", "requestChanges"]);
    expect(availableActions({ status: "PUBLISHED", changeKind: "CLINICAL" }, reviewer, "independent")).toEqual([]);
    expect(availableActions({ status: "PUBLISHED", changeKind: "CLINICAL" }, { ...reviewer, clinician: true }, "independent")).toEqual(["reattest"]);
  });

  it("publishes only approved versions: approved ones, and withdrawn ones whose approval stands", () => {
    const admin = { roles: ["ADMIN"] as Role[], clinician: false };
    const publishable = statuses.filter((status) => checkTransition("publish", { status, changeKind: "CLINICAL" }, admin, "independent").allowed);
    expect(publishable).toEqual(["APPROVED", "UNPUBLISHED"]);
  });

  it("refuses in a Swedish sentence that never shows a raw status or role", () => {
    const refusals = versionActions.flatMap((action) =>
      statuses.flatMap((status) =>
        roleSets.flatMap((actorRoles) => [
          checkTransition(action, { status, changeKind: "CLINICAL" }, { roles: actorRoles, clinician: false }, "author"),
          checkTransition(action, { status, changeKind: "CLINICAL" }, { roles: actorRoles, clinician: false }, "independent"),
        ]),
      ),
    );
    const messages = new Set(refusals.flatMap((result) => (result.allowed ? [] : [result.message])));
    expect(messages.size).toBeGreaterThan(10);
    for (const message of messages) {
      expect(message).toMatch(/^[A-ZÅÄÖ].*\.$/u);
      for (const raw of [...statuses, ...roles]) expect(message).not.toContain(raw);
    }
    expect(checkTransition("publish", { status: "DRAFT", changeKind: "EDITORIAL" }, { roles: ["ADMIN"], clinician: false }, "independent")).toMatchObject({
      message: "Det går inte att publicera versionen när den är utkast: versionen måste vara godkänd eller avpublicerad.",
    });
    expect(checkTransition("publish", { status: "APPROVED", changeKind: "EDITORIAL" }, { roles: ["EDITOR"], clinician: false }, "independent")).toMatchObject({
      message: "Bara en administratör kan publicera versionen.",
    });
  });
});
