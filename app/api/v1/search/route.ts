import { searchContent } from "@/lib/api/api-resources";
import { noQuerySchema, searchPageSchema, searchQuerySchema } from "@/lib/api/api-schemas";
import { corsPreflight, publicJsonRoute } from "@/lib/api/public-json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(
  { name: "api.v1.search", query: searchQuerySchema, params: noQuerySchema, response: searchPageSchema, caching: "per request" },
  ({ db, query, baseUrl }) => searchContent(db, query, baseUrl),
);

export const OPTIONS = corsPreflight;
