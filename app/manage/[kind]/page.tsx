import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { linkTag } from "@/components/ui/rich-tags";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { PageSizes } from "@/components/ui/page-sizes";
import { Pagination } from "@/components/ui/pagination";
import { ParamErrors } from "@/components/ui/param-errors";
import { RecordTable } from "@/features/editing/components/record-table";
import { listRecords } from "@/features/editing/queries";
import { recordListSchema } from "@/features/editing/schemas";
import { isRecordKind, recordFirstDirection, recordKinds, recordListColumns } from "@/features/editing";
import { listPageSizes } from "@/features/pledges";
import { parseSearchParams, pathWithQuery, type RawSearchParams } from "@/lib/search-params";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/manage/[kind]">): Promise<Metadata> {
  const { kind } = await params;
  const t = await getTranslations("records");
  return { title: isRecordKind(kind) ? t("plural", { kind }) : t("title") };
}

/** The list's query as given, without `page` (kept by the page links themselves). */
function queryOf(params: RawSearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "page") continue;
    for (const item of [value ?? []].flat()) if (item) query.append(key, item);
  }
  return query;
}

export default async function RecordListPage({ params, searchParams }: PageProps<"/manage/[kind]">) {
  const { kind } = await params;
  const raw = await searchParams;
  await requirePagePermission("edit", pathWithQuery(`/manage/${encodeURIComponent(kind)}`, raw));
  if (!isRecordKind(kind)) notFound();
  const { fields } = recordKinds[kind];
  const t = await getTranslations("records");
  const plural = t("plural", { kind });
  const path = `/manage/${kind}`;
  const parsed = parseSearchParams(recordListSchema, raw);
  const heading = (
    <>
      <PageHeading back={{ href: "/manage", label: t("title") }}>{plural}</PageHeading>
      <p>
        <Link href={`${path}/new`} className="button-secondary inline-block">
          {t("add", { kind })}
        </Link>
      </p>
    </>
  );
  if (!parsed.ok) {
    return (
      <div className="space-y-4">
        {heading}
        <ParamErrors errors={parsed.errors} resetHref={path} />
      </div>
    );
  }
  const list = await listRecords(kind, parsed.data);
  const sort = parsed.data.sort ?? "name";
  const order = { key: sort, dir: parsed.data.dir ?? recordFirstDirection[sort] };
  const query = queryOf(raw);
  const hrefFor = (page: number) => {
    const withPage = new URLSearchParams(query);
    if (page > 1) withPage.set("page", String(page));
    const text = withPage.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <div className="space-y-4">
      {heading}
      {list.total === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm">
          {t("none", { kind })}{" "}
          <Link href={`${path}/new`} className="link">
            {t("addFirst", { kind })}
          </Link>
          {kind === "stakeholder" || kind === "source"
            ? t.rich("orCreate", { link: linkTag("/pledges/new") })
            : "."}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("count", { kind, count: list.total })}
            {list.total > list.pageSize &&
              list.rows.length > 0 &&
              t("shown", {
                from: (list.page - 1) * list.pageSize + 1,
                to: Math.min(list.page * list.pageSize, list.total),
              })}
          </p>
          {list.rows.length === 0 ? (
            <p className="rounded border border-slate-200 bg-white p-4 text-sm">
              {t.rich("noneOnPage", { link: linkTag(hrefFor(1)) })}
            </p>
          ) : (
            <RecordTable
              caption={plural}
              kind={kind}
              rows={list.rows}
              headings={{
                name: t(`field.${fields[0]!.name}`),
                detail: t(`column.${recordListColumns[kind].detail}`),
                uses: t(`column.${recordListColumns[kind].uses}`),
                changed: t("lastChange"),
              }}
              order={order}
              path={path}
              query={query.toString()}
            />
          )}
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} hrefFor={hrefFor} />
          <PageSizes
            sizes={listPageSizes}
            label={t("perPage", { kind })}
            current={list.pageSize}
            path={path}
            query={query.toString()}
          />
        </>
      )}
    </div>
  );
}
