import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";

/** The text of a MIME message's body, decoded from quoted-printable or base64. */
function decodedBody(message: string): string {
  const split = message.indexOf("\r\n\r\n");
  const headers = message.slice(0, split);
  const body = message.slice(split + 4);
  if (/Content-Transfer-Encoding:\s*base64/i.test(headers)) {
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  }
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/**
 * The path and query of the token link (to `pathPrefix`) in the newest e-mail to `to` that
 * reached the test SMTP server (scripts/test runs it and passes its directory in
 * SMTP_SINK_DIR). Waits for the server's mail worker to deliver it.
 */
export async function linkFromMail(to: string, pathPrefix: string): Promise<string> {
  const directory = process.env.SMTP_SINK_DIR;
  expect(directory, "SMTP_SINK_DIR (set by scripts/test)").toBeTruthy();
  let found: string | undefined;
  await expect
    .poll(
      () => {
        const files = readdirSync(directory!).filter((f) => f.endsWith(".eml")).sort().reverse();
        for (const file of files) {
          const message = readFileSync(join(directory!, file), "utf8");
          if (!message.startsWith(`X-Envelope-To: ${to}\r\n`)) continue;
          const links = decodedBody(message).match(/https?:\/\/\S+token=\S+/g) ?? [];
          const link = links.map((l) => new URL(l)).find((url) => url.pathname.startsWith(pathPrefix));
          if (link) {
            found = link.pathname + link.search;
            return true;
          }
        }
        return false;
      },
      { message: `an e-mail to ${to} with a link to ${pathPrefix}`, timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}
