/** A quote from a PDF says which page it is on, on Slack, Discord and the terminal alike. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../../src/commands/index.js";
import type { Reply } from "../../../src/reply/types.js";
import { loadKnowledge, type KnowledgeBase } from "../../../src/knowledge/index.js";
import { describeOrigin } from "../../../src/render/describeProvenance.js";
import { renderDiscordMessage } from "../../../src/platforms/discord/render.js";
import { slackTraits } from "../../../src/platforms/slack/traits.js";
import { renderSlackMessage } from "../../../src/platforms/slack/render.js";
import { renderText } from "../../../src/platforms/console/render.js";
import { pdfFromLines } from "./fixtures.js";

let dir: string;
let knowledge: KnowledgeBase;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gt-page-"));
  const line = (text: string, y: number) => ({ text, x: 72, y });
  writeFileSync(
    path.join(dir, "basin-report.pdf"),
    await pdfFromLines([
      [line("Basin Report", 720), line("The commission was founded after the long drought in the lower valley.", 690)],
      [line("Farmers downstream lost a third of their harvest when the reservoir was", 720), line("filled.", 706)],
      [line("The sluice gates were rebuilt by volunteers in a single summer, and the", 720), line("harvest came back the following year.", 706)],
    ]),
  );
  knowledge = await loadKnowledge(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a person reads of the reply on each platform. */
function everyRendering(reply: Reply): string[] {
  return [JSON.stringify(renderSlackMessage(reply)), JSON.stringify(renderDiscordMessage(reply)), renderText(reply)];
}

describe("a quote from a PDF", () => {
  it("shows the page its passage is on in every renderer", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const reply = await registry.run({ command: "ask", text: "sluice gates volunteers", user: { id: "U1" }, platform: slackTraits });
    expect(reply.quotes[0]!.text).toContain("The sluice gates were rebuilt by volunteers");
    expect(reply.quotes[0]!.page).toBe(3);
    for (const rendered of everyRendering(reply)) expect(rendered).toContain("p. 3");
  });

  it("carries its page in the passage model, from 1", () => {
    const pages = knowledge.documents[0]!.passages.map((passage) => [passage.text.slice(0, 20), passage.page]);
    expect(pages).toEqual([
      ["The commission was f", 1],
      ["Farmers downstream l", 2],
      ["The sluice gates wer", 3],
    ]);
  });

  it("names both pages when its passage runs over a page break, and none for a document without pages", () => {
    const quote = { passageId: "d#0", text: "…", document: "Basin Report", section: "Causes", citations: [] };
    expect(describeOrigin({ ...quote, page: 12, pageEnd: 13 })).toBe("Causes · Basin Report · pp. 12–13");
    expect(describeOrigin({ ...quote, page: 12 })).toBe("Causes · Basin Report · p. 12");
    expect(describeOrigin(quote)).toBe("Causes · Basin Report");
  });
});
