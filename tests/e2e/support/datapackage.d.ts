// The parts of the `datapackage` package (Frictionless Data's JavaScript implementation, untyped)
// the tests use to check a data package independently of the code that wrote it.
declare module "datapackage" {
  interface Resource {
    name: string;
    tabular: boolean;
    descriptor: { schema?: { fields: { name: string; type: string }[] } };
    read(options: { keyed: true; cast?: boolean }): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(descriptor: string, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    descriptor: Record<string, unknown>;
    resources: Resource[];
    getResource(name: string): Resource | null;
  }
}
