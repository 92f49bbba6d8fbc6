import { describe, expect, it } from "vitest";
import { Role, VersionStatus } from "@/lib/db/generated/enums";
import { availableActions, checkTransition, versionActions, type Authorship, type VersionAction } from "./version-workflow";

// The expected rules, written out independently of the module: which statuses each action starts
// from, which role performs it, and whether the version's own authors are barred (four-eyes).
const expected: Record<VersionAction, { from: VersionStatus[]; roles: Role[]; to: VersionStatus; authorsBarred: boolean }> = {
  submit: { from: ["DRAFT"], roles: ["EDITOR"], to: "IN_REVIEW", authorsBarred: false },
  requestChanges: { from: ["IN_REVIEW"], roles: ["REVIEWER"], to: "CHANGES_REQUESTED", authorsBarred: true },
  approve: { from: ["IN_REVIEW"], roles: ["REVIEWER"], to: "APPROVED", authorsBarred: true },
  publish: { from: ["APPROVED", "UNPUBLISHED"], roles: ["ADMIN"], to: "PUBLISHED", authorsBarred: false },
  schedulePublish: { from: ["APPROVED"], roles: ["ADMIN"], to: "APPROVED", authorsBarred: false },
  unpublish: { from: ["PUBLISHED"], roles: ["ADMIN"], to: "UNPUBLISHED", authorsBarred: false },
  scheduleUnpublish: { from: ["PUBLISHED"], roles: ["ADMIN"], to: "PUBLISHED", authorsBarred: false },
  reattest: { from: ["PUBLISHED"], roles: ["REVIEWER"], to: "PUBLISHED", authorsBarred: true },
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
const roleSets: Role[][] = [[], ...roles.map((role) => [role]), ["EDITOR", "REVIEWER"], ["REVIEWER", "ADMIN"], ["EDITOR", "ADMIN"], [...roles]];

describe("version workflow", () => {
  it("knows exactly the expected actions", () => {
    expect(versionActions.sort()).toEqual(Object.keys(expected).sort());
  });

  // The actor wrote the version; or their account was created or made a reviewer by one who did; or neither.
  const authorships: Authorship[] = ["author", "authorsAccount", "independent"];
  const cases = versionActions.flatMap((action) =>
    statuses.flatMap((status) => roleSets.flatMap((actorRoles) => authorships.map((authorship) => ({ action, status, actorRoles, authorship })))),
  );

  it.each(cases)("$action from $status by [$actorRoles] ($authorship)", ({ action, status, actorRoles, authorship }) => {
    const rule = expected[action];
    const result = checkTransition(action, { status }, { roles: actorRoles }, authorship);
    const hasRole = rule.roles.some((role) => actorRoles.includes(role));
    if (!hasRole) {
      expect(result).toMatchObject({ allowed: false, reason: "forbidden" });
    } else if (rule.authorsBarred && authorship !== "independent") {
      expect(result).toMatchObject({ allowed: false, reason: "forbidden", fourEyes: authorship, message: expect.stringContaining("fyraögonsprincipen") });
    } else if (!rule.from.includes(status)) {
      expect(result).toMatchObject({ allowed: false, reason: "conflict" });
    } else {
      expect(result).toEqual({ allowed: true, to: rule.to });
    }
  });

  it("never lets an author approve, whatever roles they hold", () => {
    const everything = { roles: [...roles] };
    expect(checkTransition("approve", { status: "IN_REVIEW" }, everything, "author").allowed).toBe(false);
    expect(availableActions({ status: "IN_REVIEW" }, everything, "author")).not.toContain("approve");
    expect(availableActions({ status: "IN_REVIEW" }, everything, "authorsAccount")).not.toContain("approve");
    expect(availableActions({ status: "IN_REVIEW" }, everything, "independent")).toContain("approve");
  });

  it("publishes only approved versions: approved ones, and withdrawn ones whose approval stands", () => {
    const admin = { roles: ["ADMIN"] as Role[] };
    const publishable = statuses.filter((status) => checkTransition("publish", { status }, admin, "independent").allowed);
    expect(publishable).toEqual(["APPROVED", "UNPUBLISHED"]);
  });

  it("refuses in a Swedish sentence that never shows a raw status or role", () => {
    const refusals = versionActions.flatMap((action) =>
      statuses.flatMap((status) => roleSets.map((actorRoles) => checkTransition(action, { status }, { roles: actorRoles }, "author"))),
    );
    const messages = new Set(refusals.flatMap((result) => (result.allowed ? [] : [result.message])));
    expect(messages.size).toBeGreaterThan(10);
    for (const message of messages) {
      expect(message).toMatch(/^[A-ZÅÄÖ].*\.$/u);
      for (const raw of [...statuses, ...roles]) expect(message).not.toContain(raw);
    }
    expect(checkTransition("publish", { status: "DRAFT" }, { roles: ["ADMIN"] }, "independent")).toMatchObject({
      message: "Det går inte att publicera versionen när den är utkast: versionen måste vara godkänd eller avpublicerad.",
    });
    expect(checkTransition("publish", { status: "APPROVED" }, { roles: ["EDITOR"] }, "independent")).toMatchObject({
      message: "Bara en administratör kan publicera versionen.",
    });
  });
});
