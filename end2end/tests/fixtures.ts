import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/** Problems seen while a test ran: console errors, page errors, requests to other hosts. */
type Observed = { consoleErrors: string[]; foreignRequests: string[] };

export const test = base.extend<{ observed: Observed }>({
  observed: [
    async ({ page, baseURL }, use) => {
      const observed: Observed = { consoleErrors: [], foreignRequests: [] };
      const ownOrigin = new URL(baseURL!).origin;
      page.on("console", (message) => {
        if (message.type() === "error") observed.consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => observed.consoleErrors.push(String(error)));
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.protocol === "data:" || url.protocol === "blob:") return;
        if (url.origin !== ownOrigin) observed.foreignRequests.push(request.url());
      });
      await use(observed);
      expect(observed.consoleErrors, "no console errors").toEqual([]);
      expect(observed.foreignRequests, "no request to any other host").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs axe-core against WCAG 2.1 A/AA and fails with the violations listed. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, "axe-core WCAG 2.1 A/AA violations").toEqual([]);
}

/** Whether this project runs with JavaScript enabled. */
export function jsEnabled(testInfo: { project: { name: string } }) {
  return testInfo.project.name === "js";
}

