import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemKindNames } from "@/lib/items/item";
import { adminPaths, auditEntityPath } from "./admin-paths";

const appDir = path.resolve(__dirname, "../../app");

/** Whether Next.js would route `pathname` to a page under app/: literal folders, [param] folders, (group) folders. */
function routesToPage(pathname: string, dir = appDir): boolean {
  const [segment, ...rest] = pathname.split("/").filter(Boolean);
  const folders = fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const groups = folders.filter((folder) => /^\(.*\)$/.test(folder.name)).map((folder) => path.join(dir, folder.name));
  if (segment === undefined) return fs.existsSync(path.join(dir, "page.tsx")) || groups.some((group) => routesToPage("", group));
  const literal = folders.find((folder) => folder.name === decodeURIComponent(segment));
  const dynamic = folders.filter((folder) => /^\[[^.\]]+\]$/.test(folder.name));
  const candidates = [...(literal ? [path.join(dir, literal.name)] : []), ...dynamic.map((folder) => path.join(dir, folder.name))];
  return candidates.some((candidate) => routesToPage(rest.join("/"), candidate)) || groups.some((group) => routesToPage(pathname, group));
}

const id = "0b0e2f1e-5d2a-4c8e-9f1a-2b3c4d5e6f70";

describe("admin paths", () => {
  it("each names a page that exists under app/", () => {
    const paths = [
      adminPaths.dashboard,
      adminPaths.content,
      adminPaths.newArticle,
      adminPaths.newRiskList,
      adminPaths.feedback,
      adminPaths.users,
      adminPaths.newUser,
      adminPaths.webhooks,
      adminPaths.compare,
      adminPaths.auditLog,
      ...itemKindNames.map((kind) => adminPaths.item({ kind, id })),
      adminPaths.version(id),
      adminPaths.editDraft(id),
      adminPaths.preview(id),
      adminPaths.comparison(id, id),
      adminPaths.user(id),
      adminPaths.webhook(id),
      adminPaths.comments("PENDING"),
      adminPaths.auditLogFiltered({ actorId: id }),
      adminPaths.signIn("/admin"),
    ];
    expect(paths.filter((pathname) => !routesToPage(pathname.split("?")[0]!))).toEqual([]);
  });

  it("carries options in the query string and leaves out what is not set", () => {
    expect(adminPaths.version(id, { onlyChanges: true })).toBe(`/admin/versioner/${id}?visa=andringar`);
    expect(adminPaths.version(id, { against: "published", onlyChanges: true })).toBe(`/admin/versioner/${id}?jamfor=publicerad&visa=andringar`);
    expect(adminPaths.comparison("a", "b")).toBe("/admin/jamfor?fran=a&till=b");
    expect(adminPaths.auditLogFiltered({ entityType: "user", entityId: "", before: undefined })).toBe("/admin/logg?entityType=user");
    expect(adminPaths.signIn("/admin/versioner/x?visa=andringar")).toBe("/logga-in?callbackUrl=%2Fadmin%2Fversioner%2Fx%3Fvisa%3Dandringar");
    expect(adminPaths.versionToActOn({ id, status: "DRAFT" })).toBe(adminPaths.editDraft(id));
    expect(adminPaths.versionToActOn({ id, status: "IN_REVIEW" })).toBe(adminPaths.version(id));
  });

  it("links an audit event to the page of what it is about, when there is one", () => {
    expect(auditEntityPath("risk_list", id)).toBe(adminPaths.item({ kind: "riskList", id }));
    expect(auditEntityPath("public_comment", id)).toBe("/admin/kommentarer");
    expect(auditEntityPath("session", id)).toBeNull();
    expect(auditEntityPath("user", null)).toBeNull();
  });
});
