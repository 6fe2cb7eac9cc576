import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { test as testInfoSource } from "@playwright/test";

/**
 * Problems seen while a test ran: console errors and warnings (hydration mismatches, unused
 * preloads), page errors, requests to other hosts.
 */
type Observed = { consoleErrors: string[]; consoleWarnings: string[]; foreignRequests: string[] };

export const test = base.extend<{ observed: Observed }>({
  observed: [
    async ({ page, baseURL }, use, testInfo) => {
      const observed: Observed = { consoleErrors: [], consoleWarnings: [], foreignRequests: [] };
      const ownOrigin = new URL(baseURL!).origin;
      // A page answered with an error status (the 404 page) makes Chromium log its load as an
      // error; that status is asserted by the test itself.
      const documentsWithErrorStatus = new Set<string>();
      // Server functions answer refused input with 4xx (422 invalid, 401/403 not allowed,
      // 409 conflict, 429 too many attempts); the page shows that answer to the user.
      const expectedRefusals = new Set([401, 403, 409, 422, 429]);
      page.on("response", (response) => {
        const isDocument = response.request().resourceType() === "document";
        const isRefusedServerFunction =
          new URL(response.url()).pathname.startsWith("/api/") && expectedRefusals.has(response.status());
        if ((isDocument && response.status() >= 400) || isRefusedServerFunction) {
          documentsWithErrorStatus.add(response.url());
        }
      });
      page.on("console", (message) => {
        if (message.type() === "warning") {
          // Without JavaScript nothing can use what the page preloads for its scripts.
          const unusedPreloadWithoutScripts =
            testInfo.project.name === "no-js" && message.text().includes("was preloaded using link preload but not used");
          if (!unusedPreloadWithoutScripts) observed.consoleWarnings.push(`${message.text()} (${message.location().url})`);
          return;
        }
        if (message.type() !== "error") return;
        const expectedDocumentError =
          message.text().startsWith("Failed to load resource") &&
          documentsWithErrorStatus.has(message.location().url);
        const where = message.location().url;
        if (!expectedDocumentError) observed.consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
      });
      page.on("pageerror", (error) => observed.consoleErrors.push(String(error)));
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.protocol === "data:" || url.protocol === "blob:") return;
        if (url.origin !== ownOrigin) observed.foreignRequests.push(request.url());
      });
      await use(observed);
      expect(observed.consoleErrors, "no console errors").toEqual([]);
      expect(observed.consoleWarnings, "no console warnings").toEqual([]);
      expect(observed.foreignRequests, "no request to any other host").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Runs axe-core against WCAG 2.1 A/AA and fails with the violations listed.
 *
 * axe needs JavaScript in the page. In the no-JS project the same URL is opened in a second,
 * JS-enabled context whose scripts are blocked, so axe sees exactly the server-rendered HTML.
 */
export async function expectAccessible(page: Page) {
  if (testInfoSource.info().project.name === "no-js") {
    const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    try {
      const staticPage = await context.newPage();
      await staticPage.route("**/*", (route) =>
        route.request().resourceType() === "script" ? route.abort() : route.continue(),
      );
      await staticPage.route("**/*", async (route) => {
        if (route.request().resourceType() !== "document") return route.fallback();
        const response = await route.fetch();
        const html = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
        await route.fulfill({ response, body: html });
      });
      await staticPage.goto(page.url());
      await runAxe(staticPage);
    } finally {
      await context.close();
    }
    return;
  }
  await runAxe(page);
}

async function runAxe(page: Page) {
  // After a client-side navigation to a lazily loaded page, its title is set once the page's
  // chunk has rendered; axe checks the settled page. (That the title never goes missing while
  // a page hydrates is asserted on its own in assets.spec.ts.)
  await expect
    .poll(() => page.evaluate(() => document.title), { timeout: 5000 })
    .not.toBe("");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, "axe-core WCAG 2.1 A/AA violations").toEqual([]);
}

/**
 * Opens `path`, a page of the full app whose code is in the chunk `split_<chunk>_pages`, and
 * waits until it has hydrated: its chunk has arrived and the network has been quiet since.
 * (`/` and `/karte` are islands, without the router: a link there loads the next page in full.)
 */
export async function gotoHydrated(page: Page, path: string, chunk: string) {
  const loaded = page.waitForResponse((response) => new RegExp(`/split_${chunk}_pages[\\w.-]*\\.wasm$`).test(response.url()));
  await page.goto(path);
  await loaded;
  await page.waitForLoadState("networkidle");
}

/** Whether this project runs with JavaScript enabled. */
export function jsEnabled(testInfo: { project: { name: string } }) {
  return testInfo.project.name === "js";
}


/** The password of every demo account (`server seed`). */
const DEMO_PASSWORD = "Demo-Beteiligung-2026";

/** Signs `page` in as `email` (by default a demo account, with the demo password). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/konto$/);
}
