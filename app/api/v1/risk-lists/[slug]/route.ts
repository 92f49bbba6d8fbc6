import { getRiskList } from "@/lib/api/api-resources";
import { noQuerySchema, riskListSchema, slugParamsSchema } from "@/lib/api/api-schemas";
import { corsPreflight, publicJsonRoute } from "@/lib/api/public-json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(
  { name: "api.v1.riskList", query: noQuerySchema, params: slugParamsSchema, response: riskListSchema },
  ({ db, params }) => getRiskList(db, params.slug),
);

export const OPTIONS = corsPreflight;
