// The request header naming a language outright, above the account and the cookie. Its own module,
// free of server code, so that browser code sends it too: the server's own requests (a briefing
// printed in its requester's language, a release in English) and the app's pages' calls to the API
// (whose refusals then read in the page's language).
export const localeHeader = "x-pledgewatch-locale";
