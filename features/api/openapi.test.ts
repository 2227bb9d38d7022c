import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { endpoints, openApiDocument } from "./openapi";

const document = openApiDocument();

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
    );
  }
  return [];
}

describe("the OpenAPI document", () => {
  it("documents every query parameter each endpoint accepts, from its schema", () => {
    for (const endpoint of endpoints) {
      const documented = (
        document.paths[endpoint.path]!.get!.parameters as { name: string; in: string }[]
      ).filter((p) => p.in === "query");
      expect(documented.map((p) => p.name).sort(), endpoint.path).toEqual(
        Object.keys({ ...endpoint.params.shape, ...endpoint.alternative?.params.shape }).sort(),
      );
    }
    const summary = document.paths["/api/v1/summary"]!.get!.parameters as { name: string; schema: object }[];
    expect(summary.find((p) => p.name === "status")?.schema).toMatchObject({
      type: "array",
      items: { enum: expect.arrayContaining(["committed", "stalled"]) },
    });
  });

  it("describes the write operations with their bodies and answers", () => {
    const patch = document.paths["/api/v1/pledges/{pledgeId}"]!.patch as {
      requestBody: object;
      responses: object;
    };
    expect(JSON.stringify(patch.requestBody)).toContain('"version"');
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(["200", "409", "422"]));
    const status = document.paths["/api/v1/pledges/{pledgeId}/status"]!.post as { requestBody: object };
    expect(JSON.stringify(status.requestBody)).toContain('"note"');
  });

  it("has a route for every path, and every reference resolves", () => {
    for (const route of Object.keys(document.paths)) {
      const folder = route.replace(/\{(\w+)\}/g, "[$1]");
      expect(existsSync(path.join("app", folder, "route.ts")), route).toBe(true);
    }
    const schemas = document.components.schemas as Record<string, unknown>;
    for (const ref of refsIn(document)) {
      expect(schemas[ref.replace("#/components/schemas/", "")], ref).toBeDefined();
    }
    expect(schemas.Summary).toMatchObject({
      required: expect.arrayContaining(["required", "coverage", "sources"]),
    });
  });
});
