// The flash cookie's name alone: every page's script looks for it, and only loads the code that
// reads it (lib/flash.ts, with its schema) when it is there.
export const flashCookie = "pw-flash";
