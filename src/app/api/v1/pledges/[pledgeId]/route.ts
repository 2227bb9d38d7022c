import { NextResponse } from "next/server";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import { getPledgeJson } from "@/features/reports/queries";
import { noParams } from "@/features/reports/schemas";
import { guarded } from "@/server/access";
import { apiError, parseQuery } from "@/server/api";

export const GET = guarded(
  "read",
  async (request: Request, { params }: RouteContext<"/api/v1/pledges/[pledgeId]">) => {
    const parsed = parseQuery(noParams, request);
    if (!parsed.ok) return parsed.response;
    const { pledgeId } = await params;
    const id = pledgeIdSchema.safeParse(pledgeId);
    const pledge = id.success ? await getPledgeJson(id.data) : null;
    if (!pledge) return apiError(404, `There is no pledge with id "${pledgeId}".`);
    return NextResponse.json({ data: pledge });
  },
);
