import { test, expect, expectAccessible, jsEnabled, signIn } from "./fixtures";

test("a municipality requests an Erstberatung, the coordination assigns it, the facilitator sees it", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const place = testInfo.project.name === "js" ? "Grimma" : "Borna";
  const email = `bm-${testInfo.project.name}-${Date.now()}@kommune.test`;

  await page.goto("/foren");
  await page.getByRole("link", { name: "Erstberatung anfragen" }).click();
  await expect(page).toHaveURL(/\/erstberatung$/);
  await expectAccessible(page);
  await page.getByLabel("Ihr Name").fill("Bernd Beispiel");
  await page.getByLabel("Dienstliche E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(page.getByText("Bitte wählen Sie mindestens ein Thema.")).toBeVisible();
  await expect(page.getByLabel("Ihr Name")).toHaveValue("Bernd Beispiel");

  await page.getByLabel("Ihre Funktion").fill("Bürgermeister");
  await page.getByRole("group", { name: "Sie handeln für" }).getByLabel("Gemeinde").check();
  await page.getByLabel("Kommune oder Landkreis").fill(place);
  await page.getByRole("group", { name: "Worum geht es?" }).getByLabel("Innenstädte und Ortskerne").check();
  await page.getByLabel("Die Lage in Ihrer Kommune").fill(`Der Marktplatz von ${place} soll mit den Menschen neu gestaltet werden.`);
  await page.getByRole("group", { name: "Wie soll die Beratung stattfinden?" }).getByLabel("online").check();
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(page).toHaveURL(/\/erstberatung\/danke$/);

  const coordination = await browser.newContext({ baseURL, javaScriptEnabled: jsEnabled(testInfo) });
  try {
    const coordinator = await coordination.newPage();
    await signIn(coordinator, "koordination@demo.beteiligungsnetz.de");
    await coordinator.goto("/koordination/erstberatung");
    await expectAccessible(coordinator);
    await coordinator.getByTestId("anfragen").getByRole("link", { name: new RegExp(`^${place} \\(Sachsen\\)`) }).first().click();
    await expect(coordinator.getByTestId("anfrage-status")).toHaveText("neu");
    await expect(coordinator.getByTestId("vorschlaege")).toContainText("Hanna Halle (Demo)");
    await coordinator.getByLabel(/Hanna Halle \(Demo\)/).check();
    await coordinator.getByRole("button", { name: "Zuweisen und benachrichtigen" }).click();
    await expect(coordinator.getByTestId("anfrage-status")).toHaveText("zugewiesen");
    await expect(coordinator.getByTestId("anfrage-begleitung")).toHaveText("Hanna Halle (Demo)");
    await expectAccessible(coordinator);
  } finally {
    await coordination.close();
  }

  // The municipality is told; the facilitator follows the link in her e-mail.
  await signIn(page, "begleitung@demo.beteiligungsnetz.de");
  await page.goto("/prozessbegleitung");
  await expect(page.getByTestId("anfragen")).toContainText(place);
  await page.getByTestId("anfragen").getByRole("link", { name: new RegExp(`^${place} `) }).first().click();
  await expect(page.getByTestId("anfrage")).toContainText(email);
  await page.getByLabel("Neuer Stand").selectOption("durchgefuehrt");
  await page.getByLabel("Notiz (optional)").fill("Erstes Gespräch online geführt.");
  await page.getByRole("button", { name: "Stand speichern" }).click();
  await expect(page.getByTestId("anfrage-status")).toHaveText("Erstberatung durchgeführt");
  await expect(page.getByTestId("notizen")).toContainText("Erstes Gespräch online geführt.");
  await expectAccessible(page);
});

test("a member registers for the network meeting and withdraws again", async ({ page }, testInfo) => {
  // One account per project: both projects run at the same time.
  await signIn(page, jsEnabled(testInfo) ? "freiburg@demo.beteiligungsnetz.de" : "koordination@demo.beteiligungsnetz.de");
  await page.goto("/foren/netzwerktreffen");
  await page.getByRole("link", { name: /^Jahrestreffen \d{4}$/ }).click();
  await expect(page.getByRole("button", { name: "Jetzt anmelden" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Jetzt anmelden" }).click();
  await expect(page.getByTestId("meine-anmeldung")).toHaveText("Sie sind angemeldet.");
  await page.getByRole("button", { name: "Anmeldung zurückziehen" }).click();
  await expect(page.getByRole("button", { name: "Jetzt anmelden" })).toBeVisible();
});
