import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { importFieldLabels } from "../imports/fields";
import { pledgeFieldLabels } from "./pledge-merge";
import { pledgeColumnNames, pledgeFieldWords } from "@/lib/rules/pledge-fields";

describe("the pledge's field table", () => {
  it("names every column the database stores for a pledge, and nothing else", () => {
    const bookkeeping = ["id", "version", "deletedAt", "createdAt", "updatedAt"];
    const stored = Object.keys(Prisma.PledgeScalarFieldEnum).filter((c) => !bookkeeping.includes(c));
    expect([...pledgeColumnNames].sort()).toEqual(stored.sort());
  });

  it("is where the form's labels and the import's headers come from", () => {
    expect(pledgeFieldLabels.quantityLow).toBe(pledgeFieldWords.quantityLow.label);
    expect(importFieldLabels.quantityLow).toBe(pledgeFieldWords.quantityLow.header);
    expect(importFieldLabels.conditions).toBe(pledgeFieldWords.conditionIds.header);
    expect(importFieldLabels.sourceUrl).toBe("Source URL");
    // Every label and header is distinct, so that a person (or a header) names one field.
    const words = Object.values(pledgeFieldWords);
    expect(new Set(words.map((w) => w.label)).size).toBe(words.length);
    expect(new Set(Object.values(importFieldLabels)).size).toBe(Object.keys(importFieldLabels).length);
  });
});
