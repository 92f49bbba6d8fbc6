import { listProcedures } from "@/lib/api/api-resources";
import { listQuerySchema, noQuerySchema, procedurePageSchema } from "@/lib/api/api-schemas";
import { corsPreflight, publicJsonRoute } from "@/lib/api/public-json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(
  { name: "api.v1.procedures", query: listQuerySchema, params: noQuerySchema, response: procedurePageSchema },
  ({ db, query, baseUrl }) => listProcedures(db, query, baseUrl),
);

export const OPTIONS = corsPreflight;
