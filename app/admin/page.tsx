import { getCurrentUser } from "@/lib/auth/current-user";

export default async function AdminHomePage() {
  const user = await getCurrentUser();
  return <h1>Välkommen, {user?.name}</h1>;
}
