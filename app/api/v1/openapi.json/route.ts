import { z } from "zod";
import { noQuerySchema } from "@/lib/api/api-schemas";
import { openApiDocument } from "@/lib/api/openapi-document";
import { corsPreflight, publicJsonRoute } from "@/lib/api/public-json-route";
import { ok } from "@/lib/errors/domain-result";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(
  { name: "api.v1.openapi", query: noQuerySchema, params: noQuerySchema, response: z.record(z.string(), z.unknown()) },
  async ({ baseUrl }) => ok({ body: openApiDocument(baseUrl), lastModified: null }),
);

export const OPTIONS = corsPreflight;
