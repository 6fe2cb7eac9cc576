import type { Browser } from "@playwright/test";
import { test, expect, expectAccessible, jsEnabled, signIn } from "./fixtures";
import { linkFromMail } from "./mailbox";

const ADMIN = "admin@demo.beteiligungsnetz.de";
const COORDINATOR = "koordination@demo.beteiligungsnetz.de";

/** Opens a separate browser session as `email` (same JS setting as the test). */
async function sessionAs(browser: Browser, baseURL: string, js: boolean, email: string) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: js });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test("join request → confirmation → approval → password → sign in → sign out", async ({ page, browser, baseURL }, testInfo) => {
  // The whole journey in one test (three browsers, nine pages, axe on each): slow by nature.
  test.setTimeout(90_000);
  const js = jsEnabled(testInfo);
  const suffix = `${testInfo.project.name}-${Date.now()}`;
  const name = `Paula Probe ${suffix}`;
  const email = `paula.${suffix}@leipzig.test`;

  // 1. Bad input: German messages at the fields, typed input kept.
  await page.goto("/mitglied-werden");
  await expectAccessible(page);
  await page.getByLabel("Vor- und Nachname").fill(name);
  await page.getByLabel("Dienstliche E-Mail-Adresse").fill("keine-adresse");
  await page.getByRole("button", { name: "Antrag senden" }).click();
  await expect(page.getByText("Bitte geben Sie eine gültige E-Mail-Adresse an")).toBeVisible();
  await expect(page.getByText("Bitte geben Sie Ihre Kommune an.")).toBeVisible();
  await expect(page.getByText("Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.")).toBeVisible();
  await expect(page.getByLabel("Vor- und Nachname")).toHaveValue(name);
  await expect(page.getByLabel("Dienstliche E-Mail-Adresse")).toHaveValue("keine-adresse");
  await expect(page.getByLabel("Dienstliche E-Mail-Adresse")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // 2. A valid request.
  await page.getByLabel("Vor- und Nachname").fill(name);
  await page.getByLabel("Dienstliche E-Mail-Adresse").fill(email);
  await page.getByLabel("Kommune").fill("Leipzig");
  await page.getByLabel("Funktion").fill("Partizipationsbeauftragte");
  await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
  await page.getByRole("button", { name: "Antrag senden" }).click();
  await expect(page).toHaveURL(/\/mitglied-werden\/danke$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bitte bestätigen Sie Ihre E-Mail-Adresse");

  // 3. The confirmation link from the e-mail (delivered over SMTP to the test server).
  const admin = await sessionAs(browser, baseURL!, js, ADMIN);
  const confirmLink = await linkFromMail(email, "/mitglied-werden/bestaetigen");
  await page.goto(confirmLink);
  await page.getByRole("button", { name: "E-Mail-Adresse bestätigen" }).click();
  await expect(page).toHaveURL(/\/mitglied-werden\/bestaetigt$/);

  // 4. A coordinator approves.
  const coordinator = await sessionAs(browser, baseURL!, js, COORDINATOR);
  await coordinator.page.goto("/koordination/antraege");
  await expectAccessible(coordinator.page);
  await coordinator.page.getByRole("button", { name: `Annehmen: ${name}` }).click();
  await expect(coordinator.page.getByRole("button", { name: `Annehmen: ${name}` })).toHaveCount(0);

  // 5. The invitation: set a password (a weak one first).
  const invitation = await linkFromMail(email, "/passwort-setzen");
  // Admins read the outbox without working links.
  await admin.page.goto("/admin/postausgang");
  const delivered = admin.page.locator(`li[data-to="${email}"]`).first();
  await expect(delivered).toBeVisible();
  await expect(delivered.locator("pre")).not.toContainText("token=");
  await page.goto(invitation);
  await page.getByLabel("Neues Passwort", { exact: true }).fill("passwort1234");
  await page.getByLabel("Neues Passwort wiederholen").fill("passwort1234");
  await page.getByRole("button", { name: "Passwort speichern" }).click();
  await expect(page.getByText("Dieses Passwort ist zu leicht zu erraten")).toBeVisible();
  const password = `Wiesen-Ampel-${suffix}`;
  await page.getByLabel("Neues Passwort", { exact: true }).fill(password);
  await page.getByLabel("Neues Passwort wiederholen").fill(password);
  await page.getByRole("button", { name: "Passwort speichern" }).click();
  await expect(page).toHaveURL(/\/anmelden\?passwort=neu$/);
  await expect(page.getByText("Ihr Passwort ist gespeichert.")).toBeVisible();

  // 6. Sign in with the new password; a wrong one first.
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill("falsches-passwort");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByText("E-Mail-Adresse oder Passwort ist nicht korrekt.")).toBeVisible();
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue(email);
  await signIn(page, email, password);
  await expect(page.getByTestId("angemeldet-als")).toContainText(name);
  await expectAccessible(page);

  // 7. Edit the profile: a bad website first, then a valid profile.
  await page.getByLabel("Webseite (optional)").fill("leipzig.de");
  await page.getByLabel("Kurzvorstellung (optional)").fill("Ich koordiniere die Bürgerbeteiligung.");
  await page.getByRole("button", { name: "Profil speichern" }).click();
  await expect(page.getByText("Bitte geben Sie eine vollständige Adresse an, die mit https:// beginnt.")).toBeVisible();
  await expect(page.getByLabel("Webseite (optional)")).toHaveValue("leipzig.de");
  await expect(page.getByLabel("Kurzvorstellung (optional)")).toHaveValue("Ich koordiniere die Bürgerbeteiligung.");
  await page.getByLabel("Webseite (optional)").fill("https://www.leipzig.de");
  await page.getByLabel("Mobilität").check();
  await page.getByLabel("Nur für angemeldete Mitglieder").check();
  await page.getByRole("button", { name: "Profil speichern" }).click();
  await expect(page.getByText("Ihr Profil wurde gespeichert.")).toBeVisible();
  await page.goto("/konto");
  await expect(page.getByLabel("Mobilität")).toBeChecked();
  await expect(page.getByLabel("Nur für angemeldete Mitglieder")).toBeChecked();
  await expect(page.getByLabel("Webseite (optional)")).toHaveValue("https://www.leipzig.de");
  await expectAccessible(page);

  // 8. Sign out.
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
  await page.goto("/konto");
  await expect(page.getByText("melden Sie sich an")).toBeVisible();

  await admin.context.close();
  await coordinator.context.close();
});

test("visitors cannot open the coordination pages", async ({ page }) => {
  await page.goto("/koordination/antraege");
  await expect(page.getByText("Bitte melden Sie sich an.")).toBeVisible();
  await expect(page.getByTestId("antraege")).toHaveCount(0);
});
