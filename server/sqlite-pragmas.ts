/**
 * How the app's SQLite connections are set up: the writer's, the readers' on their threads
 * (server/reads/), and the bench's raw one. Statement journals (a write that fires triggers keeps one)
 * and sorts in memory, not in temporary files: bulk inserts 3.5× faster (server/bulk-insert.ts). A
 * 64 MB page cache (the default is 2 MB): a 50,000-row import touches index pages all over a large
 * database, and an as-of view reads the ledger's and the status history's indexes beside the pledges.
 */
export const sqliteConnectionPragmas = ["temp_store = MEMORY", "cache_size = -65536"] as const;
