import type { ZodError } from "zod";
import { problemSchema, type Problem } from "./api-schemas";

/** CORS for the public read API and the feed: anyone may read published content from any origin. */
export const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
  "Access-Control-Expose-Headers": "ETag, Last-Modified",
  "Access-Control-Max-Age": "86400",
} as const;

/** With type "about:blank", RFC 9457 has the title be the status's reason phrase; `detail` explains. */
const titles: Record<number, string> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  500: "Internal Server Error",
};

/** An RFC 9457 `application/problem+json` response; never cached by shared caches. */
export function problemResponse(status: number, detail: string, invalidParams?: Problem["invalid_params"]): Response {
  const body = problemSchema.parse({
    type: "about:blank",
    title: titles[status] ?? "Error",
    status,
    detail,
    ...(invalidParams ? { invalid_params: invalidParams } : {}),
  });
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...corsHeaders },
  });
}

/** A 400 naming each rejected query or path parameter. */
export function invalidParamsResponse(error: ZodError): Response {
  const invalidParams = error.issues.map((issue) => ({ name: issue.path.map(String).join(".") || "query", reason: issue.message }));
  return problemResponse(400, `Invalid parameter: ${[...new Set(invalidParams.map((param) => param.name))].join(", ")}`, invalidParams);
}
