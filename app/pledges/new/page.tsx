import type { Metadata } from "next";
import { PledgeForm } from "@/features/editing/components/pledge-form";
import { editorOptions } from "@/features/editing/queries";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Add a pledge" };
export const dynamic = "force-dynamic";

export default async function NewPledgePage() {
  await requirePagePermission("edit", "/pledges/new");
  const options = await editorOptions();
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Add a pledge</h1>
      <PledgeForm pledge={{ version: 1, text: {}, roles: {}, conditionIds: [] }} options={options} />
    </div>
  );
}
