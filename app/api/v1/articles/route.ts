import { listArticles } from "@/lib/api/api-resources";
import { articlePageSchema, listQuerySchema, noQuerySchema } from "@/lib/api/api-schemas";
import { corsPreflight, publicJsonRoute } from "@/lib/api/public-json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(
  { name: "api.v1.articles", query: listQuerySchema, params: noQuerySchema, response: articlePageSchema },
  ({ db, query, baseUrl }) => listArticles(db, query, baseUrl),
);

export const OPTIONS = corsPreflight;
