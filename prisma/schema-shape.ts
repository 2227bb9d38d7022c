// The shape of a Prisma schema file: its models (fields and block attributes) and enums, with
// comments and layout stripped. Used to keep the SQLite and PostgreSQL schemas in lockstep.

export interface SchemaShape {
  /** Model name → field name → its declaration ("type attributes", whitespace collapsed). */
  models: Map<string, Map<string, string>>;
  /** Model name → block attributes (@@index, @@unique, @@id), sorted. */
  modelAttributes: Map<string, string[]>;
  /** Enum name → values in order. */
  enums: Map<string, string[]>;
}

const blockStart = /^(model|enum)\s+(\w+)\s*\{$/;

/** Reads the models and enums of a schema's text; generator and datasource blocks are ignored. */
export function schemaShape(text: string): SchemaShape {
  const shape: SchemaShape = { models: new Map(), modelAttributes: new Map(), enums: new Map() };
  let block: { kind: "model" | "enum" | "other"; name: string } | null = null;
  for (const raw of text.split("\n")) {
    const line = raw
      .replace(/\/\/.*$/, "")
      .trim()
      .replace(/\s+/g, " ");
    if (!line) continue;
    if (!block) {
      const start = blockStart.exec(line);
      if (start) {
        const [, kind, name] = start as unknown as [string, "model" | "enum", string];
        block = { kind, name };
        if (kind === "model") {
          shape.models.set(name, new Map());
          shape.modelAttributes.set(name, []);
        } else shape.enums.set(name, []);
      } else if (line.endsWith("{")) block = { kind: "other", name: "" };
      continue;
    }
    if (line === "}") {
      shape.modelAttributes.get(block.name)?.sort();
      block = null;
      continue;
    }
    if (block.kind === "enum") shape.enums.get(block.name)!.push(line);
    else if (block.kind === "model") {
      if (line.startsWith("@@")) shape.modelAttributes.get(block.name)!.push(line);
      else {
        const [field, ...declaration] = line.split(" ");
        shape.models.get(block.name)!.set(field!, declaration.join(" "));
      }
    }
  }
  return shape;
}

/** Every way two schemas differ in models, fields or enums, one sentence each; empty when in lockstep. */
export function shapeDifferences(a: SchemaShape, b: SchemaShape, [nameA, nameB]: [string, string]): string[] {
  const differences: string[] = [];
  const missing = <T>(left: Map<string, T>, right: Map<string, T>, what: string, where: string) => {
    for (const key of left.keys())
      if (!right.has(key)) differences.push(`${what} ${key} is missing from ${where}`);
  };
  missing(a.models, b.models, "model", nameB);
  missing(b.models, a.models, "model", nameA);
  missing(a.enums, b.enums, "enum", nameB);
  missing(b.enums, a.enums, "enum", nameA);
  for (const [model, fieldsA] of a.models) {
    const fieldsB = b.models.get(model);
    if (!fieldsB) continue;
    missing(fieldsA, fieldsB, `field of ${model}:`, nameB);
    missing(fieldsB, fieldsA, `field of ${model}:`, nameA);
    for (const [field, declaration] of fieldsA) {
      const other = fieldsB.get(field);
      if (other !== undefined && other !== declaration) {
        differences.push(
          `field ${model}.${field} is "${declaration}" in ${nameA} but "${other}" in ${nameB}`,
        );
      }
    }
    const attributesA = a.modelAttributes.get(model)!.join("; ");
    const attributesB = b.modelAttributes.get(model)!.join("; ");
    if (attributesA !== attributesB) {
      differences.push(`model ${model} has "${attributesA}" in ${nameA} but "${attributesB}" in ${nameB}`);
    }
  }
  for (const [name, valuesA] of a.enums) {
    const valuesB = b.enums.get(name);
    if (valuesB && valuesA.join(",") !== valuesB.join(",")) {
      differences.push(
        `enum ${name} is ${valuesA.join(",")} in ${nameA} but ${valuesB?.join(",")} in ${nameB}`,
      );
    }
  }
  return differences;
}
