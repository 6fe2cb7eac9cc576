import { test, expect, expectAccessible, jsEnabled, signIn } from "./fixtures";

test("the map lists the public officers and counts them", async ({ page }, testInfo) => {
  await page.goto("/karte");
  await expect(page.getByTestId("ergebnis-anzahl")).toHaveText("2 Beauftragte in 2 Kommunen");
  const list = page.getByTestId("beauftragte-liste");
  await expect(list).toContainText("Lea Leipzig (Demo)");
  await expect(list).toContainText("Fritz Freiburg (Demo)");
  await expect(list).not.toContainText("Kim Koordination", { timeout: 1000 });
  if (jsEnabled(testInfo)) {
    // One marker per municipality (clusters may combine them when zoomed out).
    await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
  }
  await expectAccessible(page);
});

test("filters narrow list and map alike and live in the URL", async ({ page }) => {
  await page.goto("/karte");
  await page.getByLabel("Thema").selectOption("energie");
  await page.getByRole("button", { name: "Filter anwenden" }).click();
  await expect(page).toHaveURL(/thema=energie/);
  await expect(page.getByTestId("ergebnis-anzahl")).toHaveText("1 Beauftragte*r in 1 Kommune");
  const list = page.getByTestId("beauftragte-liste");
  await expect(list).toContainText("Fritz Freiburg (Demo)");
  await expect(list).not.toContainText("Lea Leipzig");
  await expect(page.getByLabel("Thema")).toHaveValue("energie");
});

test("a shared URL restores the filtered view", async ({ page }) => {
  await page.goto("/karte?land=SN&nahe=Halle+%28Saale%29&umkreis=50");
  await expect(page.getByLabel("Bundesland")).toHaveValue("SN");
  await expect(page.getByLabel("In der Nähe von (Kommune)")).toHaveValue("Halle (Saale)");
  await expect(page.getByLabel("Umkreis")).toHaveValue("50");
  await expect(page.getByTestId("beauftragte-liste")).toContainText("Lea Leipzig (Demo)");
  await expect(page.getByTestId("beauftragte-liste")).toContainText("km");
  await expect(page.getByTestId("beauftragte-liste")).not.toContainText("Fritz");
});

test("an unknown place near which to search is explained at the field", async ({ page }, testInfo) => {
  await page.goto("/karte?nahe=Atlantis");
  await expect(page.getByText("Diese Kommune kennen wir nicht.").first()).toBeVisible();
  await expect(page.getByLabel("In der Nähe von (Kommune)")).toHaveValue("Atlantis");
  if (jsEnabled(testInfo)) {
    // The map asks for the same refused filters: it shows no markers and logs no error.
    await expect(page.locator(".map-canvas[data-markierungen='0']")).toBeAttached();
  }
});

test("a popup or the list leads to the profile with colleagues nearby", async ({ page }, testInfo) => {
  await page.goto("/karte?land=SN");
  if (jsEnabled(testInfo)) {
    // The markers carry no officers' details and no popup: a marker gets its popup when first
    // activated, and the popup loads its municipality's officers once and keeps them.
    const popupRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/officers/map/kommune") popupRequests.push(request.url());
    });
    const marker = page.locator('.leaflet-marker-icon[title^="Leipzig"]');
    const popup = page.locator(".leaflet-popup");
    // First from the keyboard, then with the mouse.
    await marker.focus();
    await page.keyboard.press("Enter");
    await expect(popup.getByRole("link", { name: "Lea Leipzig (Demo)" })).toBeVisible();
    await popup.getByRole("button", { name: /schließen|close/i }).click();
    await expect(popup).toHaveCount(0);
    await marker.click();
    await expect(popup.getByRole("link", { name: "Lea Leipzig (Demo)" })).toBeVisible();
    expect(popupRequests).toHaveLength(1);
    expect(popupRequests[0]).toContain("query[land]=SN");
    await popup.getByRole("link", { name: "Lea Leipzig (Demo)" }).click();
  } else {
    await page.getByTestId("beauftragte-liste").getByRole("link", { name: "Lea Leipzig (Demo)" }).click();
  }
  await expect(page).toHaveURL(/\/beauftragte\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lea Leipzig (Demo)");
  await expect(page.getByText("Für angemeldete Mitglieder sichtbar.")).toBeVisible();
  await expect(page.getByTestId("kollegen")).toContainText("Fritz Freiburg (Demo)");
  await expectAccessible(page);
});

test("an entry of the list shows its officers in its marker's popup", async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), "the map needs JavaScript");
  await page.goto("/karte?land=SN");
  await expect(page.locator(".map-canvas[data-markierungen]")).toBeAttached();
  await page.getByTestId("beauftragte-liste").getByRole("link", { name: "Lea Leipzig (Demo)" }).hover();
  await expect(page.locator(".leaflet-popup").getByRole("link", { name: "Lea Leipzig (Demo)" })).toBeVisible();
});

test("nearby municipalities form a cluster that zooms in to them, also from the keyboard", async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), "the map needs JavaScript");
  // Signed in, the map also shows Hanna Halle (visible to members), 32 km from Leipzig: with
  // all of Germany in view the two municipalities are one cluster.
  await signIn(page, "koordination@demo.beteiligungsnetz.de");
  await page.goto("/karte");
  await expect(page.locator(".map-canvas[data-markierungen]")).toBeAttached();
  const leipzig = page.locator('.leaflet-marker-icon[title^="Leipzig"]');
  const halle = page.locator('.leaflet-marker-icon[title^="Halle"]');
  await expect(leipzig).toHaveCount(0);
  await expect(halle).toHaveCount(0);
  const cluster = page.getByRole("button", { name: /^\d+ Kommunen, heranzoomen$/ });
  await expect(cluster).toHaveCount(1);
  // Sighted users see the number of municipalities.
  await expect(cluster.locator("[aria-hidden=true]")).toHaveText(/^\d+$/);
  await expectAccessible(page);
  await cluster.focus();
  await page.keyboard.press("Enter");
  // Zoomed in: both have their own marker, the cluster is gone and the map keeps the focus.
  await expect(leipzig).toBeVisible();
  await expect(halle).toBeVisible();
  await expect(cluster).toHaveCount(0);
  await expect(page.locator(".leaflet-container")).toBeFocused();
  // The markers carry no popup until activated; the first one opens its municipality's officers.
  await halle.click();
  await expect(page.locator(".leaflet-popup").getByRole("link", { name: "Hanna Halle (Demo)" })).toBeVisible();
});

test("keyboard users reach every result in the list", async ({ page }) => {
  await page.goto("/karte");
  const links = page.getByTestId("beauftragte-liste").getByRole("link");
  await expect(links).toHaveCount(2);
  await page.getByRole("link", { name: "Alle Filter zurücksetzen" }).focus();
  for (const name of ["Fritz Freiburg (Demo)", "Lea Leipzig (Demo)"]) {
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("beauftragte-liste").getByRole("link", { name })).toBeFocused();
  }
});
