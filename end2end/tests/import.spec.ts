import { test, expect, expectAccessible, jsEnabled, signIn } from "./fixtures";


/** Latin-1 bytes of a string (Windows-1252 for the characters used here). */
function windows1252(text: string): Buffer {
  return Buffer.from(text, "latin1");
}

test("a member list with errors names each bad line and imports nothing", async ({ page }, testInfo) => {
  const suffix = jsEnabled(testInfo) ? "js" : "nojs";
  await signIn(page, "koordination@demo.beteiligungsnetz.de");
  await page.goto("/koordination/import");
  await expectAccessible(page);
  const file = windows1252(
    "Vorname;Nachname;E-Mail;Kommune;Bundesland;Funktion\r\n" +
      `Jörg;Fehlerfrei;joerg-${suffix}@import.test;Leipzig;Sachsen;Beauftragter\r\n` +
      `Grete;Größe;kaputt-${suffix};Köln;;Beauftragte\r\n` +
      `Hans;Irgendwo;hans-${suffix}@import.test;Nirgendheim;Bayern;Beauftragter\r\n`,
  );
  await page.getByLabel("Mitgliederliste (CSV)").setInputFiles({ name: "liste.csv", mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Datei prüfen" }).click();
  await expect(page).toHaveURL(/\/koordination\/import\/\d+$/);
  await expect(page.getByTestId("import-ergebnis")).toContainText("2 fehlerhafte Zeilen");
  await expect(page.getByTestId("import-ergebnis")).toContainText("Es wurde nichts übernommen");
  const rows = page.getByTestId("import-zeilen");
  await expect(rows.locator('[data-zeile="2"]')).toContainText("Jörg Fehlerfrei");
  await expect(rows.locator('[data-zeile="2"]')).toContainText("wird angelegt");
  await expect(rows.locator('[data-zeile="3"]')).toContainText("„kaputt-" + suffix + "“ ist keine gültige Adresse");
  await expect(rows.locator('[data-zeile="4"]')).toContainText("Nirgendheim");
  await expect(page.getByRole("button", { name: /jetzt anlegen/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/koordination/mitglieder?q=joerg-${suffix}`);
  await expect(page.getByText("Keine Mitglieder gefunden.")).toBeVisible();
});

test("a good member list is checked, then applied; the member appears in list and export", async ({ page }, testInfo) => {
  const suffix = jsEnabled(testInfo) ? "js" : "nojs";
  const email = `nora-${suffix}@import.test`;
  await signIn(page, "koordination@demo.beteiligungsnetz.de");
  await page.goto("/koordination/import");
  const file = Buffer.from(
    "\uFEFFE-Mail,Name,AGS,Funktion,Themen\n" + `${email},Nora Import ${suffix},14713000,Beauftragte,"Energie, Wohnen"\n`,
    "utf8",
  );
  await page.getByLabel("Mitgliederliste (CSV)").setInputFiles({ name: "gut.csv", mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Datei prüfen" }).click();
  await expect(page.getByTestId("import-ergebnis")).toContainText("1 neues Mitglied würde angelegt");
  await page.getByRole("button", { name: "1 Mitglied jetzt anlegen" }).click();
  await expect(page.getByTestId("import-ergebnis")).toContainText("Übernommen am");
  await expect(page.getByTestId("import-zeilen").locator('[data-zeile="2"]')).toContainText("angelegt");
  await expect(page.getByRole("button", { name: /jetzt anlegen/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/koordination/mitglieder?q=${email}`);
  await expect(page.getByTestId("mitglieder")).toContainText(`Nora Import ${suffix}`);
  await expect(page.getByTestId("mitglieder")).toContainText("Einladung offen");

  const csv = await page.request.get("/koordination/mitglieder.csv");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  // Imported members stay hidden until they choose a visibility themselves.
  expect(text).toContain(`${email};Nora Import ${suffix};14713000;Leipzig;Sachsen;Beauftragte;;Energie und Klima, Wohnen;verborgen`);
});

test("a file over the size limit is sent back to the form with a message", async ({ page }) => {
  await signIn(page, "koordination@demo.beteiligungsnetz.de");
  await page.goto("/koordination/import");
  const file = Buffer.alloc(3 * 1024 * 1024, "x");
  await page.getByLabel("Mitgliederliste (CSV)").setInputFiles({ name: "gross.csv", mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Datei prüfen" }).click();
  await expect(page).toHaveURL(/\/koordination\/import\?fehler=zu-gross$/);
  await expect(page.getByText("Die Datei ist größer als 2 MB. Bitte teilen Sie sie auf.")).toBeVisible();
  await expectAccessible(page);
});

test("visitors and members cannot reach the import or the export", async ({ page }) => {
  const csv = await page.request.get("/koordination/mitglieder.csv");
  expect(csv.status()).toBe(401);
  await page.goto("/koordination/import");
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("Mitgliederliste (CSV)")).toHaveCount(0);
});
