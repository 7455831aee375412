import { Writable } from "node:stream";
import { LogLevel } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { redactBodyExcerpts, toBoltLogger } from "../../src/platforms/slack/boltLogger.js";
import { createLogger } from "../../src/logger.js";

describe("Bolt's log lines", () => {
  it("keep that a body could not be parsed, but none of the body the parser quoted", () => {
    expect(redactBodyExcerpts(`Malformed request body: Unexpected token 't', "token=abcd1234"... is not valid JSON`)).toBe(
      "Malformed request body: [body not logged]",
    );
    expect(redactBodyExcerpts("Failed to parse the request body: Unexpected token 'p', \"payload=\"...")).toBe("Failed to parse the request body: [body not logged]");
    expect(redactBodyExcerpts("An API error occurred: channel_not_found")).toBe("An API error occurred: channel_not_found");
  });

  it("are redacted on their way through the logger", () => {
    let written = "";
    const logger = createLogger({
      level: "info",
      destination: new Writable({
        write(chunk, _encoding, done) {
          written += String(chunk);
          done();
        },
      }),
    });
    toBoltLogger(logger, LogLevel.WARN).warn(`Malformed request body: Unexpected token 't', "token=SECRETISH"... is not valid JSON`);
    expect(written).toContain("Malformed request body: [body not logged]");
    expect(written).not.toContain("SECRETISH");
  });
});
