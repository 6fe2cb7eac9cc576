import { test, expect, expectAccessible, jsEnabled, signIn } from "./fixtures";

test("a coordinator deactivates and reactivates a member; the audit log records it", async ({ page }, testInfo) => {
  // Each project works on its own demo member, so the two can run in parallel.
  const [search, name, other] = jsEnabled(testInfo)
    ? ["freiburg", "Fritz Freiburg (Demo)", "Lea Leipzig"]
    : ["leipzig", "Lea Leipzig (Demo)", "Fritz Freiburg"];
  await signIn(page, "koordination@demo.beteiligungsnetz.de");

  await page.goto("/koordination/mitglieder");
  await page.getByLabel("Name oder E-Mail-Adresse").fill(search);
  await page.getByRole("button", { name: "Suchen" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?q=${search}$`));
  const list = page.getByTestId("mitglieder");
  await expect(list).toContainText(name);
  await expect(list).not.toContainText(other);
  await expectAccessible(page);

  await page.getByRole("button", { name: `Deaktivieren: ${name}` }).click();
  await expect(page.getByRole("button", { name: `Reaktivieren: ${name}` })).toBeVisible();
  await page.getByRole("button", { name: `Reaktivieren: ${name}` }).click();
  await expect(page.getByRole("button", { name: `Deaktivieren: ${name}` })).toBeVisible();

  await page.getByRole("navigation", { name: "Koordination" }).getByRole("link", { name: "Protokoll" }).click();
  await expect(page.getByTestId("protokoll")).toContainText("Mitglied deaktiviert");
  await expect(page.getByTestId("protokoll")).toContainText("Mitglied reaktiviert");
  await expectAccessible(page);
});
