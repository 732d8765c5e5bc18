import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_ROUTES, openApiDocument } from "@/lib/api/openapi";

describe("the OpenAPI document", () => {
  const document = openApiDocument("http://127.0.0.1:3000/api/v1");

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every route once, each with its token, its answer and its refusals", () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(operations.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const operation of Object.values(methods) as { security: unknown; responses: Record<string, unknown>; parameters: { name: string }[] }[]) {
        expect(operation.security).toEqual([{ bearer: [] }]);
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["401", "422", "429"]));
        for (const [, name] of path.matchAll(/\{(\w+)\}/g)) expect(operation.parameters.map((p) => p.name)).toContain(name);
      }
    }
  });

  it("takes its request bodies from the schemas the routes check with", () => {
    const post = document.paths["/applications"].post as { requestBody: { content: { "application/json": { schema: { $ref: string } } } } };
    expect(post.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/NewApplication");
    const schema = document.components.schemas.NewApplication as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required.sort()).toEqual(["company", "roleTitle"]);
    expect(Object.keys(schema.properties)).toContain("salaryCurrency");
  });
});
