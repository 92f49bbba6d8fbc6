import type { Role } from "@/lib/db/generated/enums";

export const roleLabels: Record<Role, string> = { EDITOR: "redaktör", REVIEWER: "granskare", ADMIN: "administratör" };
