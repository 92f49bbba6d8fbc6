import type { Role } from "@/lib/db/generated/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; roles: Role[]; sessionEpoch: number };
  }
  interface User {
    id: string;
    email: string;
    name: string;
    roles: Role[];
    sessionEpoch: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sub?: string;
    roles?: Role[];
    sessionEpoch?: number;
  }
}
