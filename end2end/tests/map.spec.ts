import { test, expect, expectAccessible, gotoHydrated, jsEnabled } from "./fixtures";

test("the map draws Germany's states from our own server", async ({ page }, testInfo) => {
  const outlines = page.waitForResponse((r) => r.url().endsWith("/geo/bundeslaender.geo.json"), {
    timeout: jsEnabled(testInfo) ? 15_000 : 1_000,
  }).catch(() => null);
  await page.goto("/karte");
  if (!jsEnabled(testInfo)) {
    // Without JavaScript the page still offers the filters and lists every result.
    await expect(page.getByRole("form", { name: "Beauftragte filtern" })).toBeVisible();
    await expect(page.getByTestId("beauftragte-liste")).toBeVisible();
    expect(await outlines).toBeNull();
    return;
  }
  const response = await outlines;
  expect(response?.status()).toBe(200);
  await expect(page.locator(".leaflet-container")).toBeVisible();
  // 16 states; some are multi-polygons, so at least 16 paths in the outline pane.
  await expect(async () => {
    expect(await page.locator(".leaflet-laender-pane path").count()).toBeGreaterThanOrEqual(16);
  }).toPass();
  await expect(page.locator(".leaflet-control-attribution")).toContainText("GeoNames");
  await expectAccessible(page);
});

test("the browser side starts after the first paint, the state outlines after the markers", async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), "only JavaScript loads anything after the page");
  // When the map reports its markers drawn, on the clock of the resource timings (the
  // attribute's own value comes from `Date.now()`, which can be milliseconds apart from it).
  // Every count the map reports with it is kept: markercluster also reports progress for the
  // empty group it starts with, which once made the map report "0 drawn" before any marker
  // and start the outlines then.
  await page.addInitScript(() => {
    (window as any).__reported = [];
    new MutationObserver(() => {
      const canvas = document.querySelector(".map-canvas[data-gezeichnet]");
      if (!canvas) return;
      (window as any).__reported.push(canvas.getAttribute("data-markierungen"));
      if (!(window as any).__drawnAt) (window as any).__drawnAt = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-gezeichnet"] });
  });
  await page.goto("/karte");
  await expect(page.locator(".map-canvas[data-gezeichnet]:not([data-markierungen='0'])")).toBeAttached();
  expect(await page.evaluate(() => (window as any).__reported)).not.toContain("0");
  await expect(async () => {
    expect(await page.locator(".leaflet-laender-pane path").count()).toBeGreaterThanOrEqual(16);
  }).toPass();
  const timing = await page.evaluate(() => {
    const started = (part: string) =>
      performance.getEntriesByType("resource").find((entry) => entry.name.includes(part))?.startTime ?? NaN;
    return {
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      wasm: started(".wasm"),
      markers: started("/api/officers/map"),
      outlines: started("/geo/bundeslaender.geo.json"),
      drawn: (window as any).__drawnAt ?? NaN,
    };
  });
  // A download started before the paint is shown counts toward it (Lighthouse's LCP).
  expect(timing.wasm, JSON.stringify(timing)).toBeGreaterThanOrEqual(timing.paint);
  expect(timing.markers, JSON.stringify(timing)).toBeGreaterThanOrEqual(timing.paint);
  // Started by the paint itself, not by the boot script's fallback 3 s later.
  expect(timing.wasm, JSON.stringify(timing)).toBeLessThan(timing.paint + 2_000);
  // Drawing the outlines would hold up the clusters on the main thread.
  expect(timing.outlines, JSON.stringify(timing)).toBeGreaterThanOrEqual(timing.drawn);
});

test("the main navigation leads to the map page", async ({ page }, testInfo) => {
  // From the start page, whose islands have no router: the link loads the map page.
  await page.goto("/");
  if (jsEnabled(testInfo)) await page.locator(".leaflet-container").waitFor();
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Karte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Karte der Beauftragten");
  await expect(page).toHaveURL(/\/karte$/);
  await expect(page.getByRole("link", { name: "Karte", exact: true })).toHaveAttribute("aria-current", "page");
  if (!jsEnabled(testInfo)) return;
  await expect(page.locator(".map-canvas[data-gezeichnet]")).toHaveCount(1);
  // From a page of the full app the router navigates inside the same document, and renders
  // the map's island itself.
  await gotoHydrated(page, "/impressum", "legal");
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Karte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Karte der Beauftragten");
  await expect(page.locator(".map-canvas[data-gezeichnet]")).toHaveCount(1);
  expect(Number(await page.locator(".map-canvas").getAttribute("data-markierungen"))).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

test("leaving the start page before the state outlines arrive raises no error", async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), "the maps need JavaScript");
  // Within the full app: the start page's outlines arrive only after the visitor has moved on
  // to the map; the removed map must not receive them (the fixture fails the test on any
  // console error).
  await gotoHydrated(page, "/impressum", "legal");
  let first = true;
  await page.route("**/geo/bundeslaender.geo.json", async (route) => {
    if (first) {
      first = false;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    await route.continue();
  });
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByRole("link", { name: "Beteiligungsnetz" }).first().click();
  await page.locator(".leaflet-container").waitFor();
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Karte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Karte der Beauftragten");
  await expect(async () => {
    expect(await page.locator(".leaflet-laender-pane path").count()).toBeGreaterThanOrEqual(16);
  }).toPass();
  // The delayed answer for the start page's map has arrived by now.
  await page.waitForTimeout(2_000);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

test("the map's marker data is preloaded with the page and requested once", async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), "the markers are loaded only with JavaScript");
  const markerRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/officers/map") markerRequests.push(request.url());
  });
  await page.goto("/karte?land=SN&thema=beteiligungsmethoden");
  await expect(page.locator(".map-canvas[data-markierungen]")).toBeAttached();
  // The preload's answer is the map's: the browser's own request found it (an unused preload
  // would also be reported as a console warning, which the fixture refuses).
  expect(markerRequests, "one request, from the preload link").toHaveLength(1);
  expect(markerRequests[0]).toContain("query[land]=SN");
});
