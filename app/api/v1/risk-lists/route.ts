import { listRiskLists } from "@/lib/api/api-resources";
import { listQuerySchema, noQuerySchema, riskListPageSchema } from "@/lib/api/api-schemas";
import { corsPreflight, publicJsonRoute } from "@/lib/api/public-json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(
  { name: "api.v1.riskLists", query: listQuerySchema, params: noQuerySchema, response: riskListPageSchema },
  ({ db, query }) => listRiskLists(db, query),
);

export const OPTIONS = corsPreflight;
