import { readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// The layers: app → features → server and lib; components (shared UI) and lib beneath them all.
// A feature reaches another only through its entry points: index.ts (what it offers the server),
// schemas.ts (what its input looks like, safe for the browser), queries.ts and mutations.ts (its
// reads and writes), actions.ts and components/ (its UI), and pledges' selection-sql.ts (what a view
// selects, shared by every reader of pledges). forms/ is the kit every form shares.
const features = readdirSync(path.join(import.meta.dirname, "features"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
// The plugin matches exceptions to glob zones against absolute paths.
const fromRoot = (pattern) => path.join(import.meta.dirname, pattern);
const entryPoints = ["index", "schemas", "queries", "mutations", "actions", "selection-sql"].map((name) =>
  fromRoot(`features/*/${name}.ts`),
);
const layerZones = [
  {
    target: "./lib",
    from: ["./app", "./components", "./features", "./server"],
    message: "lib/ is plain code: it imports nothing of the app.",
  },
  {
    target: "./server",
    from: ["./app", "./components", "./features"],
    message: "server/ sits beneath the features.",
  },
  {
    target: "./components",
    from: ["./app", "./features", "./server"],
    message: "components/ is shared UI: it knows no feature.",
  },
  { target: "./features", from: ["./app"], message: "Features never import routes." },
];
const throughEntryPoints = [
  ...entryPoints,
  fromRoot("features/*/components/**"),
  fromRoot("features/forms/**"),
];
const entryMessage =
  "Reach a feature through its entry points: index.ts, schemas.ts, queries.ts, mutations.ts, actions.ts, selection-sql.ts, components/.";
const featureZones = features.map((feature) => ({
  target: `./features/${feature}/**`,
  from: features.filter((other) => other !== feature).map((other) => `./features/${other}/**`),
  except: throughEntryPoints,
  message: entryMessage,
}));
// Routes too see a feature only through its entry points.
const routeZone = {
  target: "./app/**",
  from: features.map((feature) => `./features/${feature}/**`),
  except: throughEntryPoints,
  message: entryMessage,
};

// Words a person reads come from the catalogs (messages/*.json), never from literal text in a
// component: The files below are still in English; each leaves the
// list as it is translated, and a new file is checked from the start.
const stillInEnglish = [
  "app/admin/page.tsx",
  "app/admin/webhooks/[endpointId]/page.tsx",
  "app/admin/webhooks/page.tsx",
  "app/audit/page.tsx",
  "app/import/page.tsx",
  "app/intake/[sourceId]/page.tsx",
  "app/intake/page.tsx",
  "app/manage/[kind]/[recordId]/page.tsx",
  "app/manage/[kind]/new/page.tsx",
  "app/manage/[kind]/page.tsx",
  "app/manage/page.tsx",
  "app/methodology/page.tsx",
  "app/pledges/[pledgeId]/delivery/page.tsx",
  "app/pledges/[pledgeId]/edit/page.tsx",
  "app/pledges/[pledgeId]/page.tsx",
  "app/pledges/[pledgeId]/status/page.tsx",
  "app/pledges/deleted/page.tsx",
  "app/pledges/new/page.tsx",
  "app/releases/[number]/page.tsx",
  "app/releases/page.tsx",
  "features/admin/components/admin-forms.tsx",
  "features/audit/components/audit-section.tsx",
  "features/audit/components/audit-table.tsx",
  "features/editing/components/conditions-field.tsx",
  "features/editing/components/delete-form.tsx",
  "features/editing/components/delivery-form.tsx",
  "features/editing/components/evidence-fields.tsx",
  "features/editing/components/pledge-form.tsx",
  "features/editing/components/restore-form.tsx",
  "features/editing/components/stakeholders-field.tsx",
  "features/editing/components/status-form.tsx",
  "features/first-run/components/first-run-checklist.tsx",
  "features/forms/components/form-parts.tsx",
  "features/forms/components/record-picker.tsx",
  "features/imports/components/file-step.tsx",
  "features/imports/components/import-wizard.tsx",
  "features/imports/components/mapping-step.tsx",
  "features/imports/components/preview-step.tsx",
  "features/intake/components/intake-form.tsx",
  "features/intake/components/read-again-form.tsx",
  "features/intake/components/review-queue.tsx",
  "features/pledges/components/pledge-detail.tsx",
  "features/profiles/components/condition-profile.tsx",
  "features/profiles/components/profile-frame.tsx",
  "features/profiles/components/profile-pledges.tsx",
  "features/profiles/components/source-profile.tsx",
  "features/profiles/components/stakeholder-profile.tsx",
  "features/releases/components/publish-release-form.tsx",
  "features/webhooks/components/failed-endpoints-notice.tsx",
  "features/webhooks/components/webhook-forms.tsx",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "import/no-restricted-paths": [
        "error",
        { basePath: import.meta.dirname, zones: [...layerZones, ...featureZones, routeZone] },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/generated/*", "@/server/db"],
              message: "Pages and components read through features/*/queries.ts, never Prisma directly.",
            },
          ],
        },
      ],
    },
  },
  {
    // Only the data layer may touch Prisma.
    files: [
      "server/**",
      "features/**/queries.ts",
      "features/**/*-sql.ts",
      "features/**/actions.ts",
      "features/**/mutations.ts",
      "prisma/**",
      "scripts/**",
      "tests/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Tests may look inside a feature; the layers still hold.
    files: ["**/*.test.ts", "tests/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        { zones: layerZones.filter((zone) => zone.target !== "./features") },
      ],
    },
  },
  {
    files: ["**/*.tsx"],
    ignores: ["**/*.test.tsx"],
    rules: {
      "react/jsx-no-literals": [
        "error",
        {
          noStrings: true,
          ignoreProps: true,
          // Punctuation and signs, the same in every language.
          allowedStrings: [
            "·",
            "—",
            "–",
            "(",
            ")",
            "[",
            "]",
            ":",
            ",",
            ".",
            "…",
            "→",
            "←",
            "%",
            "/",
            "|",
            "×",
            "▲",
            "▼",
            "↕",
            "*",
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name=/^(aria-label|title|placeholder|alt)$/] > Literal",
          message: "Words a person reads come from the catalogs (messages/*.json).",
        },
      ],
    },
  },
  {
    // Brackets in a route's folder are a glob's character class: escaped, they match themselves.
    files: stillInEnglish.map((file) => file.replace(/[[\]]/g, "\\$&")),
    rules: { "react/jsx-no-literals": "off", "no-restricted-syntax": "off" },
  },
]);
