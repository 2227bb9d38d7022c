// The OpenAPI document, generated from the same zod schemas that check requests and shape answers.
import { z } from "@/lib/zod";
import { figureParams } from "@/features/figures/schemas";
import {
  breakdownParams,
  breakdownResponse,
  changeLogParams,
  changeLogResponse,
  changesResponse,
  conditionListResponse,
  errorSchema,
  noParams,
  pledgeListParams,
  pledgeListResponse,
  pledgeResponse,
  releaseListResponse,
  releaseResponse,
  sourceListResponse,
  stakeholderListResponse,
  summaryResponse,
} from "./schemas";
import { pledgeCreateSchema, pledgePatchSchema, pledgeStatusUpdateSchema } from "../editing/schemas";
import { saveMappingSchema } from "../imports/schemas";
import { briefingPdfParams } from "../reports/schemas";
import { changesParams } from "../changes/schemas";
import { releaseSchema } from "../releases/schemas";

interface Endpoint {
  path: string;
  summary: string;
  params: z.ZodObject;
  response?: z.ZodType;
  /** For files: the media type answered. */
  file?: string;
  pathParams?: string[];
  /** A second way of asking the same path (its own parameters, answered in its own shape). */
  alternative?: { description: string; params: z.ZodObject; response: z.ZodType };
}

const exportParams = figureParams;

export const endpoints: Endpoint[] = [
  {
    path: "/api/v1/pledges",
    summary: "Pledges, filtered and paged, as they stood on a date",
    params: pledgeListParams,
    response: pledgeListResponse,
  },
  {
    path: "/api/v1/pledges/{pledgeId}",
    summary: "One pledge with its conditions, stakeholders, sources and history",
    params: noParams,
    response: pledgeResponse,
    pathParams: ["pledgeId"],
  },
  {
    path: "/api/v1/conditions",
    summary: "Every condition",
    params: noParams,
    response: conditionListResponse,
  },
  {
    path: "/api/v1/stakeholders",
    summary: "Every stakeholder",
    params: noParams,
    response: stakeholderListResponse,
  },
  { path: "/api/v1/sources", summary: "Every source", params: noParams, response: sourceListResponse },
  {
    path: "/api/v1/summary",
    summary: "The dashboard's headline figures as ranges, with the sources behind each",
    params: figureParams,
    response: summaryResponse,
  },
  {
    path: "/api/v1/breakdown",
    summary: "A breakdown of the figures by status, category, stakeholder or condition",
    params: breakdownParams,
    response: breakdownResponse,
  },
  {
    path: "/api/v1/changes",
    summary:
      "What changed from the start of since to the end of until (today by default): the figures' deltas, the conditions that moved and what they released, the pledges that moved (largest effect first, paged) with each event's evidence, and the deletions",
    params: changesParams,
    response: changesResponse,
    alternative: {
      description:
        'With cursor (and optionally limit, and no other parameter): the change log, for a mirror kept exact. The changes after the cursor ("0": from the start, every record first logged as created) in the order they were committed, each with its record as it stands now, or null once it is gone (a tombstone); then the cursor to ask with next, and whether more are waiting.',
      params: changeLogParams,
      response: changeLogResponse,
    },
  },
  {
    path: "/api/v1/releases",
    summary:
      "Every named release, newest first: its number, title, notes, the moment it freezes, its addresses, and its files with their SHA-256 checksums",
    params: noParams,
    response: releaseListResponse,
  },
  {
    path: "/api/v1/releases/{number}",
    summary:
      "One release: its addresses and files, what moved since the release before (each as known at its moment), and its corrections",
    params: noParams,
    response: releaseResponse,
    pathParams: ["number"],
  },
  {
    path: "/api/v1/exports/pledges.csv",
    summary: "One row per pledge (RFC 4180, UTF-8)",
    params: exportParams,
    file: "text/csv",
  },
  {
    path: "/api/v1/exports/report.xlsx",
    summary:
      "About this report, then Summary, Pledges, Conditions, a sheet per breakdown, Status history and Sources",
    params: exportParams,
    file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  {
    path: "/api/v1/exports/datapackage.zip",
    summary:
      "The same tables as CSV files with a Frictionless datapackage.json (types, units, the view, licence, sources)",
    params: exportParams,
    file: "application/zip",
  },
  {
    path: "/api/v1/exports/dataset.json",
    summary: "The whole dataset, enough to rebuild it",
    params: noParams,
    file: "application/json",
  },
  {
    path: "/api/v1/exports/briefing.pdf",
    summary:
      "A briefing for decision makers: the figures in words, the charts, conditions, the pledges, what changed since a date (since=YYYY-MM-DD, 30 days by default) and the sources",
    params: briefingPdfParams,
    file: "application/pdf",
  },
];

const ref = (schema: z.ZodType) => {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("answer schemas must be registered with an id");
  return { $ref: `#/components/schemas/${id}` };
};

function parameters(endpoint: Endpoint) {
  const asked = endpoint.alternative
    ? endpoint.params.extend(endpoint.alternative.params.shape)
    : endpoint.params;
  const properties = (z.toJSONSchema(asked, { io: "input", unrepresentable: "any" }).properties ??
    {}) as Record<string, { type?: string }>;
  return [
    ...(endpoint.pathParams ?? []).map((name) => ({
      name,
      in: "path",
      required: true,
      schema: { type: "string" },
    })),
    ...Object.entries(properties).map(([name, schema]) => ({
      name,
      in: "query",
      required: false,
      // Lists repeat the parameter: ?status=committed&status=stalled
      ...(schema.type === "array" ? { style: "form", explode: true } : {}),
      schema,
    })),
  ];
}

export function openApiDocument() {
  const components = z.toJSONSchema(z.globalRegistry, {
    io: "output",
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  const paths: Record<string, PathItem> = Object.fromEntries(
    endpoints.map((endpoint) => [
      endpoint.path,
      {
        get: {
          summary: endpoint.summary,
          ...(endpoint.alternative && { description: endpoint.alternative.description }),
          parameters: parameters(endpoint),
          responses: {
            200: {
              description: "OK",
              content: endpoint.file
                ? { [endpoint.file]: { schema: { type: "string", format: "binary" } } }
                : {
                    "application/json": {
                      schema: endpoint.alternative
                        ? { oneOf: [ref(endpoint.response!), ref(endpoint.alternative.response)] }
                        : ref(endpoint.response!),
                    },
                  },
            },
            400: { description: "A parameter is wrong; the message names it", content: json(errorSchema) },
            ...(endpoint.pathParams ? { 404: { description: "Not found", content: json(errorSchema) } } : {}),
          },
        },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Pledgewatch API",
      version: "1",
      description:
        "Pledges for a multinational force in Ukraine, their conditions, statuses and evidence. Figures are ranges in the metric's major units; coverage is a fraction.",
    },
    paths: { ...paths, ...writePaths(paths) },
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token (npm run token -- create …)" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  };
}

/** The write operations (analyst role): the bodies are the zod schemas the routes parse. */
type Operation = {
  summary: string;
  description?: string;
  parameters: object[];
  requestBody?: object;
  responses: object;
};
type PathItem = { get?: Operation; patch?: Operation; post?: Operation };

function writePaths(openApiPaths: Record<string, PathItem>): Record<string, PathItem> {
  const body = (schema: z.ZodType) => ({
    required: true,
    content: {
      "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) },
    },
  });
  const answers = {
    200: { description: "Saved: the record as it now stands", content: json(pledgeResponse) },
    400: { description: "The body is not a JSON object", content: json(errorSchema) },
    401: { description: "No valid session or token", content: json(errorSchema) },
    403: { description: "The role cannot edit", content: json(errorSchema) },
    404: { description: "Not found", content: json(errorSchema) },
    409: { description: "`version` is stale: nothing was saved; `current` holds the record now" },
    422: { description: "A field is wrong; `params` names each one", content: json(errorSchema) },
    503: {
      description:
        "Another long write (such as an import) holds the database: nothing was saved; retry after the Retry-After seconds",
      content: json(errorSchema),
    },
  };
  const pledgeId = [{ name: "pledgeId", in: "path", required: true, schema: { type: "string" } }];
  const base = openApiPaths["/api/v1/pledges/{pledgeId}"];
  // A new pledge has no version to be stale: its answers are the others.
  const { 200: saved, ...others } = answers;
  const refusals = Object.fromEntries(Object.entries(others).filter(([code]) => code !== "409"));
  return {
    "/api/v1/pledges": {
      ...openApiPaths["/api/v1/pledges"],
      post: {
        summary: "Adds a pledge with the evidence it rests on",
        description:
          "Every field of a pledge, and its evidence: a source (`sourceId` with an optional `quote`, or `source` with its title, URL and quote), " +
          "cited by the pledge, its first figures and the first entry of its history; `note` says where it comes from. " +
          "Answers 201 with the pledge and its address in `Location`.",
        parameters: [],
        requestBody: body(pledgeCreateSchema),
        responses: { 201: { ...saved, description: "Added: the pledge as it now stands" }, ...refusals },
      },
    },
    "/api/v1/pledges/{pledgeId}": {
      ...base,
      patch: {
        summary:
          "Changes the fields given, merged field by field with what others saved since `version` (the version the edit started from)",
        description:
          "Send only the fields you change. Fields others changed since `version` are kept; fields only you changed are applied; " +
          "a field both changed to different values refuses the save with 409, and `conflicts` lists each with `label`, " +
          "`base` (the value at `version`), `mine` and `theirs`. " +
          "A delivery, given as the total delivered so far (`deliveredQuantity`) or as this delivery's amount (`deliveredIncrement`, added to the total as it stands when saved, " +
          "and only as the latest delivery), carries its evidence: `note`, a source (`sourceId` with an optional `quote`, or `source` with its title, URL and quote) " +
          "and optionally `occurredOn`, the day it happened (default: today); it is added to the pledge's ledger, and as-of views count it from that day.",
        parameters: pledgeId,
        requestBody: body(pledgePatchSchema),
        responses: {
          ...answers,
          409: {
            description:
              "A field you changed was changed by someone else since `version`: nothing was saved; `conflicts` names each field with its three values, `current` holds the record now",
          },
        },
      },
    },
    "/api/v1/pledges/{pledgeId}/status": {
      post: {
        summary: "Records a status change with its note and cited source (sourceId, or source with a quote)",
        parameters: pledgeId,
        requestBody: body(pledgeStatusUpdateSchema),
        responses: answers,
      },
    },
    "/api/v1/releases": {
      ...openApiPaths["/api/v1/releases"],
      post: {
        summary: "Publishes a release of what the tracker knows now: `title` and `notes`",
        description:
          "Every file of the release is written first (briefing PDF, workbook, CSV, data package, dataset, summary), then the release and its files are stored at once under the next number. " +
          "Answers 201 with the release and its address in `Location`; 503 when the briefing could not be printed (nothing is published).",
        parameters: [],
        requestBody: body(releaseSchema),
        responses: {
          201: {
            description: "Published: the release as its own address answers",
            content: json(releaseResponse),
          },
          ...Object.fromEntries(Object.entries(refusals).filter(([code]) => code !== "404")),
        },
      },
    },
    "/api/v1/imports": {
      post: {
        summary:
          "Previews (mode=preview) or commits (mode=commit, expect=the preview's digest) an import of the CSV or XLSX file sent as the body",
        parameters: [
          { name: "fileName", in: "query", required: true, schema: { type: "string" } },
          { name: "mode", in: "query", schema: { type: "string", enum: ["preview", "commit"] } },
          {
            name: "mapping",
            in: "query",
            description: "JSON: {columns, values}",
            schema: { type: "string" },
          },
          {
            name: "mappingName",
            in: "query",
            description: "A saved mapping's name",
            schema: { type: "string" },
          },
          {
            name: "expect",
            in: "query",
            description: "The preview's digest (commit only)",
            schema: { type: "string" },
          },
        ],
        requestBody: {
          required: true,
          content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
        },
        responses: {
          200: {
            description:
              "NDJSON: progress lines, then one `result` line (preview, committed or conflict) or one `error` line (a file that is not a readable spreadsheet, too big, …)",
            content: { "application/x-ndjson": { schema: { type: "string" } } },
          },
          400: answers[400],
          401: answers[401],
          403: answers[403],
          404: { description: "No saved mapping by that name", content: json(errorSchema) },
          413: { description: "The file is larger than 32 MB", content: json(errorSchema) },
          503: { description: "Two imports are already running on this server", content: json(errorSchema) },
        },
      },
    },
    "/api/v1/intake": {
      post: {
        summary:
          "Takes in a source for intake: the body is the document (text, Markdown, HTML, PDF with a text layer, or Word .docx; at most 10 MB), stored with its full text and the rules' suggestions for review at `address`. Nothing else is written until a person accepts a suggestion there",
        parameters: ["title", "publisher", "url", "publishedOn", "fileName"].map((name) => ({
          name,
          in: "query",
          description:
            name === "publishedOn"
              ? "YYYY-MM-DD; left out: suggested from the document"
              : "Left out: suggested from the document where it says",
          schema: { type: "string" },
        })),
        requestBody: {
          required: true,
          content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
        },
        responses: {
          201: { description: "`sourceId`, `suggestions` (how many wait) and `address` (the review queue)" },
          200: {
            description:
              "The same text was taken in before: `sourceId` and `address` of that source, `existing: true`",
          },
          400: answers[400],
          401: answers[401],
          403: answers[403],
          413: {
            description:
              "The document is larger than 10 MB, its text longer than one review holds, or reading it needed more memory than one read may use",
            content: json(errorSchema),
          },
          422: {
            description:
              "The document cannot be read: not a kind intake reads, damaged, a PDF of images only, or it took longer than 30 seconds (waiting for a reader included)",
            content: json(errorSchema),
          },
          503: {
            description:
              "Too many documents are being read already: nothing was stored; ask again after `Retry-After`",
            content: json(errorSchema),
          },
        },
      },
    },
    "/api/v1/import-mappings": {
      get: {
        summary: "The saved import mappings",
        parameters: [],
        responses: {
          200: { description: "`data`: name, version and mapping of each" },
          401: answers[401],
          403: answers[403],
        },
      },
      post: {
        summary: "Saves an import mapping under a name, replacing one saved under the same name",
        parameters: [],
        requestBody: body(saveMappingSchema),
        responses: {
          200: { description: "Saved" },
          400: answers[400],
          401: answers[401],
          403: answers[403],
          422: answers[422],
        },
      },
    },
  };
}

function json(schema: z.ZodType) {
  return { "application/json": { schema: ref(schema) } };
}
