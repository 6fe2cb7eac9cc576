import { test, expect, expectAccessible, gotoHydrated, jsEnabled } from "./fixtures";

const pages = [
  { path: "/", heading: "Beteiligung gemeinsam stärken" },
  { path: "/karte", heading: "Karte der Beauftragten" },
  { path: "/foren", heading: "Foren für Entscheider*innen" },
  { path: "/austausch", heading: "Erfahrungsaustausch" },
  { path: "/mitglied-werden", heading: "Mitglied werden" },
  { path: "/anmelden", heading: "Anmelden" },
  { path: "/impressum", heading: "Impressum" },
  { path: "/datenschutz", heading: "Datenschutz" },
  { path: "/barrierefreiheit", heading: "Erklärung zur Barrierefreiheit" },
  { path: "/datenquellen", heading: "Datenquellen" },
];

for (const { path, heading } of pages) {
  test(`${path} renders in German and is accessible`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page).toHaveTitle(/Beteiligungsnetz/);
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText("GeoNames");
    await expectAccessible(page);
  });
}

test("unknown addresses show a German 404 page", async ({ page }) => {
  const response = await page.goto("/gibt-es-nicht");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
  await page.getByRole("link", { name: "Zur Startseite" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectAccessible(page);
});

test("the data sources page credits GeoNames and the state outlines", async ({ page }) => {
  await page.goto("/datenquellen");
  await expect(page.getByText("Ortsdaten: GeoNames (geonames.org), CC BY 4.0").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Landesgrenzen: deutschlandGeoJSON" })).toBeVisible();
});

test("the demo installation is marked on every page", async ({ page }, testInfo) => {
  await page.goto("/foren");
  await expect(page.getByRole("note")).toContainText("Demo-Installation");
  if (!jsEnabled(testInfo)) return;
  // The flag comes with the page (the browser never loads it): after hydration and a
  // client-side navigation the notice is still there.
  await gotoHydrated(page, "/impressum", "legal");
  await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Foren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Foren für Entscheider*innen" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept), "navigated in the page").toBe(true);
  await expect(page.getByRole("note")).toContainText("Demo-Installation");
});

test("keyboard users reach the skip link first, then the navigation", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Zum Inhalt springen" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Beteiligungsnetz" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Karte", exact: true })).toBeFocused();
});

test("the skip link moves the focus to the main content", async ({ page }) => {
  await page.goto("/foren");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("main#inhalt")).toBeFocused();
});
