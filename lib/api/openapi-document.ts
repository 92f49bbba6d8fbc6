import { z } from "zod";
import {
  articlePageSchema,
  articleSchema,
  listQuerySchema,
  problemSchema,
  procedurePageSchema,
  riskListPageSchema,
  riskListSchema,
  searchPageSchema,
  searchQuerySchema,
  versionPageSchema,
} from "./api-schemas";

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the handlers parse with, so the
 * document cannot drift from what is sent. Schemas describe the JSON as sent (zod's input side).
 */

type JsonSchema = Record<string, unknown>;

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  // The dialect is declared once for the whole document (jsonSchemaDialect).
  const jsonSchema = { ...(z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as JsonSchema) };
  delete jsonSchema.$schema;
  return jsonSchema;
}

export const openApiComponentSchemas = {
  ArticlePage: jsonSchemaOf(articlePageSchema),
  Article: jsonSchemaOf(articleSchema),
  VersionPage: jsonSchemaOf(versionPageSchema),
  ProcedurePage: jsonSchemaOf(procedurePageSchema),
  RiskListPage: jsonSchemaOf(riskListPageSchema),
  RiskList: jsonSchemaOf(riskListSchema),
  SearchPage: jsonSchemaOf(searchPageSchema),
  Problem: jsonSchemaOf(problemSchema),
} satisfies Record<string, JsonSchema>;

export type OpenApiSchemaName = keyof typeof openApiComponentSchemas;

/** The query parameters of a query schema, required where the schema requires them. */
function queryParameters(schema: z.ZodType) {
  const querySchema = jsonSchemaOf(schema) as { properties: Record<string, JsonSchema & { description?: string }>; required?: string[] };
  return Object.entries(querySchema.properties).map(([name, property]) => {
    const { description, ...parameterSchema } = property;
    return { name, in: "query", required: querySchema.required?.includes(name) ?? false, description, schema: parameterSchema };
  });
}

const listParameters = queryParameters(listQuerySchema);

const slugParameter = { name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" } };

const cachingHeaders = {
  ETag: { description: "Strong validator of the body; send it back as If-None-Match.", schema: { type: "string" } },
  "Last-Modified": { description: "When the newest item in the response last changed.", schema: { type: "string" } },
  "Cache-Control": { schema: { type: "string" } },
};

function problem(description: string) {
  return { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
}

function getOperation(operationId: string, summary: string, schemaName: OpenApiSchemaName, parameters: object[], notFound: boolean) {
  return {
    get: {
      operationId,
      summary,
      parameters: [...parameters, { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } }],
      responses: {
        "200": {
          description: "OK",
          headers: cachingHeaders,
          content: { "application/json": { schema: { $ref: `#/components/schemas/${schemaName}` } } },
        },
        "304": { description: "Not modified: the If-None-Match ETag is current.", headers: cachingHeaders },
        "400": problem("A parameter is invalid; invalid_params names it."),
        ...(notFound ? { "404": problem("No published item with this slug.") } : {}),
        "500": problem("Unexpected server error."),
      },
    },
  };
}

export function openApiDocument(baseUrl: string) {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Granskad read API",
      version: "1.0.0",
      description:
        "Published, clinically reviewed content only; drafts never appear. Lists are ordered by slug and paginated with next_cursor. Every GET answers with ETag, Last-Modified and Cache-Control, honours If-None-Match (304), and allows any origin (CORS). Reading needs no credentials; republishing the content needs the publisher's permission.",
      // The texts belong to their publisher: reading is open, republication is by agreement (README, "Feed and API").
      license: { name: "All rights reserved; republication by agreement with the publisher", identifier: "LicenseRef-All-Rights-Reserved" },
    },
    // The public base URL (lib/http/public-base-url.ts): PUBLIC_BASE_URL, else NEXTAUTH_URL; localhost in development and tests.
    servers: [{ url: `${baseUrl}/api/v1` }],
    // Every operation is public: no authentication, declared as an empty list of requirements.
    security: [],
    paths: {
      "/articles": getOperation("listArticles", "Published articles (overviews and procedures)", "ArticlePage", listParameters, false),
      "/articles/{slug}": getOperation("getArticle", "One published article with resolved procedures and risk lists", "Article", [slugParameter], true),
      "/articles/{slug}/versions": getOperation(
        "listArticleVersions",
        "The article's versions that were published, newest first",
        "VersionPage",
        [slugParameter, ...listParameters],
        true,
      ),
      "/procedures": getOperation("listProcedures", "Published procedures with their structured facts", "ProcedurePage", listParameters, false),
      "/risk-lists": getOperation("listRiskLists", "Published risk lists", "RiskListPage", listParameters, false),
      "/risk-lists/{slug}": getOperation("getRiskList", "One published risk list with its groups and items", "RiskList", [slugParameter], true),
      "/search": getOperation(
        "search",
        "Swedish full-text search of published articles, procedures and risk lists, ranked, with snippets (Cache-Control: private, no-cache)",
        "SearchPage",
        queryParameters(searchQuerySchema),
        false,
      ),
    },
    components: { schemas: openApiComponentSchemas },
  };
}
