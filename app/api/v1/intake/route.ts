import { DocumentError, intakeLimits } from "@/features/intake";
import { takeInDocument } from "@/features/intake/mutations";
import { intakeDetailsSchema } from "@/features/intake/schemas";
import { invalid } from "@/lib/validation-message";
import { ApiError, apiRoute, notNow, parseQuery } from "@/server/http";
import { boundedBytes } from "@/server/streams";

/**
 * Takes in a source for intake (analysts and admins): the request body is the document (text,
 * Markdown, HTML, PDF or Word, at most 10 MB), its details in the query (`title`, `publisher`, `url`,
 * `publishedOn`, `fileName`; those left out are suggested from the document). Answers 201 with the
 * new source and how many suggestions wait, or 200 with the source that already has this text.
 */
export const POST = apiRoute("edit", async (request: Request, _context: unknown, principal) => {
  const details = parseQuery(intakeDetailsSchema, request);
  const bytes = await boundedBytes(request, intakeLimits.maxBytes);
  if (bytes === null) {
    throw new ApiError(
      413,
      invalid("refusal.documentTooLarge", { megabytes: intakeLimits.maxBytes / 1024 / 1024 }),
    );
  }
  try {
    const taken = await takeInDocument(principal, bytes, details, request.headers.get("content-type"));
    return Response.json(
      { ...taken, address: `/intake/${taken.sourceId}` },
      { status: taken.existing ? 200 : 201 },
    );
  } catch (error) {
    if (error instanceof DocumentError)
      throw error.status === 503 ? notNow(error.message) : new ApiError(error.status, error.message);
    throw error;
  }
});
