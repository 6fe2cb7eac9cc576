import { chromium } from "playwright-core";
const [,, url, out, email] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
if (email) {
  await page.goto("http://127.0.0.1:3400/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill("Demo-Beteiligung-2026");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL(/konto/);
}
await page.goto(url);
await page.waitForTimeout(1000);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
