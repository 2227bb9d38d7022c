// A stand-in for an OpenAI-compatible model server, for the end-to-end run (playwright.config.ts
// starts it; the app is pointed at it by INTAKE_MODEL_URL). It answers every chat completion the
// same way, from the text it was sent: a pledge for each sentence that says "earmarked" (a verb the
// rules do not read), and one suggestion quoting words that are not in the text, which the app must
// drop. It never calls anything else.
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 3219);

function answer(text) {
  const sentences = text.match(/[^.\n]*\bearmarked\b[^.\n]*/g) ?? [];
  const suggestions = sentences.map((sentence) => ({
    kind: "pledge",
    quote: sentence.trim(),
    title: sentence.trim().slice(0, 80),
    category: "force",
    status: "announced",
    parties: [sentence.trim().split(/\s+/)[0]],
  }));
  suggestions.push({ kind: "pledge", quote: "Words this document never says", category: "other" });
  return { choices: [{ message: { role: "assistant", content: JSON.stringify({ suggestions }) } }] };
}

createServer((request, response) => {
  if (request.method === "GET") return response.writeHead(200).end("fake model");
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    try {
      const { messages } = JSON.parse(body);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(answer(String(messages.at(-1).content))));
    } catch {
      response.writeHead(400).end("not a chat completion");
    }
  });
}).listen(port, "127.0.0.1", () => console.log(`fake model listening on ${port}`));
