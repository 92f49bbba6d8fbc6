import { getArticle } from "@/lib/api/api-resources";
import { articleSchema, noQuerySchema, slugParamsSchema } from "@/lib/api/api-schemas";
import { corsPreflight, publicJsonRoute } from "@/lib/api/public-json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(
  { name: "api.v1.article", query: noQuerySchema, params: slugParamsSchema, response: articleSchema },
  ({ db, params, baseUrl }) => getArticle(db, params.slug, baseUrl),
);

export const OPTIONS = corsPreflight;
