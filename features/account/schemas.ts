import type { TokenLifetime } from "@/lib/access";

// A personal feed token is an API token of the viewer role that its owner made for their feeds.

/** How long a feed token lasts: the longest a token may. */
export const feedTokenDays: TokenLifetime = 365;

const feedTokenPrefix = "Feeds of ";

/** The name a feed token carries (in the admins' token list too). */
export const feedTokenName = (owner: string) => `${feedTokenPrefix}${owner}`.slice(0, 100);

/** Whether a token's name says it is a feed token. */
export const isFeedTokenName = (name: string) => name.startsWith(feedTokenPrefix);
