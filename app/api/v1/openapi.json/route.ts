import { openApiDocument } from "@/lib/api/openapi";

/** Public: the document describes the API, and holds nothing of anyone's. */
export function GET(request: Request): Response {
  return Response.json(openApiDocument(new URL("/api/v1", request.url).toString()), { headers: { "Cache-Control": "public, max-age=300" } });
}
