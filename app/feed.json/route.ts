import { noQuerySchema } from "@/lib/api/api-schemas";
import { corsPreflight, publicJsonRoute } from "@/lib/api/public-json-route";
import { buildJsonFeed, feedQuerySchema } from "@/lib/feed/json-feed";
import { granskadFeedSchema } from "@/lib/feed/json-feed-schema";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(
  {
    name: "feed.json",
    query: feedQuerySchema,
    params: noQuerySchema,
    response: granskadFeedSchema,
    contentType: "application/feed+json; charset=utf-8",
  },
  ({ db, query, baseUrl }) => buildJsonFeed(db, query, baseUrl),
);

export const OPTIONS = corsPreflight;
