import { listArticleVersions } from "@/lib/api/api-resources";
import { listQuerySchema, slugParamsSchema, versionPageSchema } from "@/lib/api/api-schemas";
import { corsPreflight, publicJsonRoute } from "@/lib/api/public-json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(
  { name: "api.v1.articleVersions", query: listQuerySchema, params: slugParamsSchema, response: versionPageSchema },
  ({ db, params, query }) => listArticleVersions(db, params.slug, query),
);

export const OPTIONS = corsPreflight;
