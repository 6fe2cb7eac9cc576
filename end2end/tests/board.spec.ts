import type { Browser } from "@playwright/test";
import { test, expect, expectAccessible, jsEnabled, signIn } from "./fixtures";

const FREIBURG_AGS = "08311000";

/** A second person in their own browser context (own cookies), JavaScript as in this project. */
async function otherPerson(browser: Browser, baseURL: string | undefined, js: boolean) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: js });
  return { context, page: await context.newPage() };
}

test("a case gets advice: reply with a mention, notification, helpful answer, solved, found by an inflected word", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const js = jsEnabled(testInfo);
  // A word no other thread contains, so the search below has exactly one hit.
  const marker = `Kennwort${testInfo.project.name.replace("-", "")}${Date.now().toString(36)}`;
  const title = `Jugendliche beim Bürgerhaushalt beteiligen ${marker}`;

  // The asker posts a case; bad input is answered at the field and the input kept.
  await signIn(page, "freiburg@demo.beteiligungsnetz.de");
  await page.goto("/austausch");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Fall zur Beratung stellen" }).click();
  await expect(page).toHaveURL(/\/austausch\/neu\?art=fall$/);
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Ausgangslage").fill("Unser Bürgerhaushalt erreicht kaum Menschen unter 25. <script>alert(1)</script>");
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByText("Bitte füllen Sie „Ziel“ aus.")).toBeVisible();
  await expect(page.getByLabel("Titel", { exact: true })).toHaveValue(title);
  await expectAccessible(page);
  await page.getByLabel("Ziel", { exact: true }).fill("Ein Drittel der Vorschläge soll von Jugendlichen kommen.");
  await page.getByLabel("Unsere Frage an die Kolleg*innen").fill("Wie haben Sie junge Menschen erreicht?");
  await page.getByRole("group", { name: "Themen" }).getByLabel("Beteiligungsmethoden").check();
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page).toHaveURL(/\/austausch\/\d+$/);
  const threadPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // The script tag is shown as text, never run (the fixture fails on any page error).
  await expect(page.getByText("<script>alert(1)</script>")).toBeVisible();

  // Another member replies and mentions a third.
  const adviser = await otherPerson(browser, baseURL, js);
  const mentioned = await otherPerson(browser, baseURL, js);
  try {
    await signIn(adviser.page, "leipzig@demo.beteiligungsnetz.de");
    await adviser.page.goto(threadPath);
    await expectAccessible(adviser.page);
    await adviser.page
      .getByLabel("Ihr Rat")
      .fill('Wir sind mit einem Jugendbudget in die Schulen gegangen. @"Hanna Halle (Demo)" hat das in Halle ebenso gemacht.');
    await adviser.page.getByRole("button", { name: "Antwort senden" }).click();
    const reply = adviser.page.getByTestId("antworten").locator("li").filter({ hasText: "Jugendbudget in die Schulen" });
    await expect(reply).toBeVisible();
    await expect(reply.getByRole("link", { name: "@Hanna Halle (Demo)" })).toBeVisible();

    // The asker sees it (live with JavaScript, after the reload link without) and marks it helpful.
    if (js) {
      await expect(page.getByText("Jugendbudget in die Schulen")).toBeVisible({ timeout: 10_000 });
    } else {
      await page.getByRole("link", { name: "Neue Antworten – neu laden" }).click();
    }
    const askerReply = page.getByTestId("antworten").locator("li").filter({ hasText: "Jugendbudget in die Schulen" });
    await askerReply.getByRole("button", { name: "Als hilfreich markieren" }).click();
    await expect(askerReply.getByRole("button", { name: "Nicht mehr als hilfreich markieren" })).toBeVisible();
    await expect(askerReply.getByTestId("hilfreich")).toBeVisible();

    // The asker closes the case with an outcome.
    await page.getByText("Fall abschließen („gelöst“)").click();
    await page.getByLabel("Was ist herausgekommen?").fill("Wir gehen mit dem Jugendbudget in drei Schulen.");
    await page.getByRole("button", { name: "Als gelöst abschließen" }).click();
    await expect(page.getByRole("heading", { name: "Ergebnis" })).toBeVisible();
    await expect(page.getByText("Wir gehen mit dem Jugendbudget in drei Schulen.")).toBeVisible();
    await expectAccessible(page);

    // The mentioned member finds it in their notifications, linked to the reply.
    await signIn(mentioned.page, "begleitung@demo.beteiligungsnetz.de");
    await expect(mentioned.page.getByRole("link", { name: /Benachrichtigungen/ })).toBeVisible();
    await mentioned.page.goto("/benachrichtigungen");
    const notice = mentioned.page.getByTestId("benachrichtigungen").getByRole("link", { name: `Sie wurden erwähnt in „${title}“` });
    await expect(notice).toBeVisible();
    await expectAccessible(mentioned.page);
    await notice.click();
    await expect(mentioned.page).toHaveURL(new RegExp(`${threadPath}#antwort-\\d+$`));
    await expect(mentioned.page.getByRole("heading", { level: 1 })).toHaveText(title);
  } finally {
    await adviser.context.close();
    await mentioned.context.close();
  }

  // Search finds the case by an inflected form, and the solved filter keeps it.
  await page.goto("/austausch");
  await page.getByRole("searchbox", { name: "Suche" }).fill(`Bürgerhaushalte ${marker}`);
  await page.getByRole("button", { name: "Suchen" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const results = page.getByTestId("beitraege").locator("li");
  await expect(results).toHaveCount(1);
  await expect(results.first().getByRole("link", { name: title })).toBeVisible();
  await expect(results.first().locator("mark").first()).toBeVisible();
  await expect(results.first().getByText("gelöst", { exact: true })).toBeVisible();
  await page.getByLabel("Stand (Fälle)").selectOption({ label: "gelöst" });
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(results).toHaveCount(1);
  await expectAccessible(page);

  // Visitors never see the members-only case.
  const visitor = await otherPerson(browser, baseURL, js);
  try {
    const response = await visitor.page.goto(threadPath);
    expect(response?.status()).toBe(404);
    await visitor.page.goto(`/austausch?q=${encodeURIComponent(marker)}`);
    await expect(visitor.page.getByText(title)).toHaveCount(0);
  } finally {
    await visitor.context.close();
  }
});

test("a public practice example appears on its municipality's page for visitors", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const js = jsEnabled(testInfo);
  const title = `Jugendbudget mit Schulklassen ${testInfo.project.name} ${Date.now().toString(36)}`;

  await signIn(page, "freiburg@demo.beteiligungsnetz.de");
  await page.goto("/austausch/neu?art=praxis");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neu: Praxisbeispiel");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByRole("group", { name: "Themen" }).getByLabel("Beteiligungsmethoden").check();
  await page.getByLabel("Was wir getan haben").fill("Zwölf Schulklassen haben über 20.000 € entschieden.");
  await page.getByLabel("Ergebnis", { exact: true }).fill("Sieben Projekte sind umgesetzt.");
  await page.getByRole("group", { name: "Wer darf den Beitrag lesen?" }).getByLabel("alle (öffentlich)").check();
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page).toHaveURL(/\/austausch\/\d+$/);
  const threadPath = new URL(page.url()).pathname;

  const visitor = await otherPerson(browser, baseURL, js);
  try {
    await visitor.page.goto(`/kommunen/${FREIBURG_AGS}`);
    await expect(visitor.page.getByRole("heading", { level: 1 })).toContainText("Freiburg");
    const examples = visitor.page.getByTestId("beispiele");
    await expect(examples.getByRole("link", { name: title })).toBeVisible();
    await expectAccessible(visitor.page);
    await examples.getByRole("link", { name: title }).click();
    await expect(visitor.page).toHaveURL(new RegExp(`${threadPath}$`));
    await expect(visitor.page.getByText("Zwölf Schulklassen haben über 20.000 € entschieden.")).toBeVisible();
    // Visitors read, members write.
    await expect(visitor.page.getByRole("button", { name: "Antwort senden" })).toHaveCount(0);
    await expectAccessible(visitor.page);
  } finally {
    await visitor.context.close();
  }
});

test("a flagged post is hidden by a coordinator, with the reason shown to its author", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const js = jsEnabled(testInfo);
  const title = `Bericht zur Bürgerversammlung ${testInfo.project.name} ${Date.now().toString(36)}`;
  const reason = `Persönliche Daten Dritter ${Date.now().toString(36)}`;

  // Lea writes a report.
  await signIn(page, "leipzig@demo.beteiligungsnetz.de");
  await page.goto("/austausch/neu?art=bericht");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByRole("group", { name: "Themen" }).getByLabel("Verwaltungskultur").check();
  await page.getByLabel("Bericht", { exact: true }).fill("Herr M. aus der Nachbarstraße hat wieder gestört.");
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page).toHaveURL(/\/austausch\/\d+$/);
  const threadPath = new URL(page.url()).pathname;

  const reader = await otherPerson(browser, baseURL, js);
  const coordinator = await otherPerson(browser, baseURL, js);
  try {
    // Another member flags it.
    await signIn(reader.page, "freiburg@demo.beteiligungsnetz.de");
    await reader.page.goto(threadPath);
    await reader.page.getByText("Beitrag melden").click();
    await reader.page.getByLabel("Was ist daran nicht in Ordnung?").fill("Hier wird ein Bürger bloßgestellt.");
    await reader.page.getByRole("button", { name: "Melden", exact: true }).click();
    await expect(reader.page.getByText("Danke. Die Koordination sieht sich die Meldung an.")).toBeVisible();

    // The coordinator works through the queue.
    await signIn(coordinator.page, "koordination@demo.beteiligungsnetz.de");
    await coordinator.page.goto("/koordination/moderation");
    await expectAccessible(coordinator.page);
    const item = coordinator.page.getByTestId("meldungen").locator("li").filter({ has: coordinator.page.getByRole("link", { name: title }) });
    await expect(item.getByText("Hier wird ein Bürger bloßgestellt.")).toBeVisible();
    await item.getByLabel("Grund für die Verfasser*in").fill(reason);
    await item.getByRole("button", { name: "Ausblenden", exact: true }).click();
    await expect(coordinator.page.getByRole("link", { name: title })).toHaveCount(0);

    // Other members no longer find it; its author sees why.
    const response = await reader.page.goto(threadPath);
    expect(response?.status()).toBe(404);
    await page.goto(threadPath);
    await expect(page.getByTestId("ausgeblendet")).toContainText(reason);
  } finally {
    await reader.context.close();
    await coordinator.context.close();
  }
});
