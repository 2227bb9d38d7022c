import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

// One client per server process, surviving `next dev` module reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
