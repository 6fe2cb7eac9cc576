import { test, expect, expectAccessible, jsEnabled } from "./fixtures";

test("the start page counts the municipalities from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("kommunen-anzahl")).toContainText("6.354 Kommunen aus 16 Bundesländern");
});

test("municipality search finds Leipzig", async ({ page }, testInfo) => {
  await page.goto("/");
  const field = page.getByLabel("Kommune suchen");
  if (jsEnabled(testInfo)) {
    // Hydrated: results follow the typing, without a page load.
    await page.locator(".leaflet-container").waitFor();
    await page.evaluate(() => ((window as any).__sameDocument = true));
    await field.pressSequentially("Leipz", { delay: 30 });
    await expect(page.getByTestId("kommune-treffer")).toContainText("Leipzig");
    await expect(page.getByTestId("kommune-treffer")).toContainText("Sachsen");
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await expect(page).toHaveURL(/\/$/);
    // The map marks the municipalities found.
    await expect(page.locator(".leaflet-overlay-pane path.leaflet-interactive").first()).toBeVisible();
  } else {
    await field.fill("Leipzig");
    await field.press("Enter");
    await expect(page).toHaveURL(/\?q=Leipzig$/);
    await expect(page.getByTestId("kommune-treffer")).toContainText("Leipzig");
    await expect(field).toHaveValue("Leipzig");
  }
  await expectAccessible(page);
});

test("a too short search explains itself at the field and keeps the input", async ({ page }, testInfo) => {
  await page.goto("/");
  const field = page.getByLabel("Kommune suchen");
  if (jsEnabled(testInfo)) {
    await page.locator(".leaflet-container").waitFor();
    await field.pressSequentially("L");
  } else {
    await field.fill("L");
    await field.press("Enter");
  }
  await expect(page.getByText("Bitte geben Sie mindestens 2 Zeichen ein.")).toBeVisible();
  await expect(field).toHaveValue("L");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("a shared search link restores the results", async ({ page }) => {
  await page.goto("/?q=Frankfurt");
  await expect(page.getByTestId("kommune-treffer")).toContainText("Frankfurt am Main");
  await expect(page.getByLabel("Kommune suchen")).toHaveValue("Frankfurt");
});
