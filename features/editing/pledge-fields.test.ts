import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { fieldForHeader, importFieldLabels } from "../imports/fields";
import { pledgeColumnNames, pledgeFieldWords } from "@/lib/rules/pledge-fields";

describe("the pledge's field table", () => {
  it("names every column the database stores for a pledge, and nothing else", () => {
    const bookkeeping = ["id", "version", "deletedAt", "createdAt", "updatedAt"];
    // Derived by triggers for sorting the list and keeping the totals, never written as fields.
    const sortKeys = ["lastChangeAt", "firstStakeholderKey", "blockedBy", "ledBy"];
    const stored = Object.keys(Prisma.PledgeScalarFieldEnum).filter(
      (c) => !bookkeeping.includes(c) && !sortKeys.includes(c),
    );
    expect([...pledgeColumnNames].sort()).toEqual(stored.sort());
  });

  it("gives each field a label and a header that name it alone, and the import reads its own headers back", () => {
    const words = Object.values(pledgeFieldWords);
    expect(new Set(words.map((w) => w.label)).size).toBe(words.length);
    for (const [field, header] of Object.entries(importFieldLabels)) {
      expect(fieldForHeader(header), header).toBe(field);
    }
  });
});
