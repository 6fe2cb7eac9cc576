// The hybrid of scripts/bench-leptos-floor.sh --check in Chromium: `/` hydrates only its island
// from the main module; `/karte` loads the full app's chunk and hydrates it; client-side
// navigation then works between all three pages, also to `/`, whose island is then rendered
// by the full app. Exits non-zero on the first difference, and on any console error or warning.
import { chromium } from "playwright";

const base = process.env.BASE_URL;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
const problems = [];
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`); });
page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
// WebAssembly files by name without hash: the main module, split_<function>, chunk_<n>.
let wasm = [];
page.on("response", (r) => {
  const name = r.url().split("/").pop();
  if (name.endsWith(".wasm") && !name.startsWith("chunk_")) wasm.push(name.split(".")[0].replace(/_\d+$/, ""));
});
const loaded = () => { const names = [...new Set(wasm)].sort(); wasm = []; return names; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let failed = false;
const expect = (what, actual, expected) => {
  const ok = JSON.stringify(actual) === JSON.stringify(expected);
  if (!ok) failed = true;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}: ${JSON.stringify(actual)}${ok ? "" : ` (expected ${JSON.stringify(expected)})`}`);
};
const sameDocument = () => page.evaluate(() => window.__sameDocument === true);

await page.goto(`${base}/`);
await sleep(2500);
expect("/ opened: WebAssembly loaded", loaded(), ["beteiligungsnetz"]);
await page.click("button");
await page.click("button");
expect("/ opened: the island counts", await page.textContent("button"), "2");

await page.goto(`${base}/karte`);
await sleep(2500);
expect("/karte opened: WebAssembly loaded", loaded(), ["beteiligungsnetz", "split_full_app"]);
await page.evaluate(() => { window.__sameDocument = true; });
await page.click("a[href='/chunk']");
await page.waitForSelector("text=Seite aus dem Chunk");
expect("/karte → /chunk: client-side", await sameDocument(), true);
expect("/karte → /chunk: chunk loaded", loaded(), ["split_chunk_view"]);
await page.click("a[href='/']");
await page.waitForSelector("h1:text('Start')");
expect("/chunk → /: client-side", await sameDocument(), true);
await page.click("button");
expect("/ rendered by the full app: the island counts", await page.textContent("button"), "1");
await page.click("a[href='/karte']");
await page.waitForSelector("h1:text('Karte')");
expect("/ → /karte: client-side", await sameDocument(), true);

await page.goto(`${base}/chunk`);
await sleep(2500);
expect("/chunk opened: heading", await page.textContent("h1"), "Chunk");
expect("/chunk opened: WebAssembly loaded", loaded(), ["beteiligungsnetz", "split_chunk_view", "split_full_app"]);

expect("console errors and warnings", problems, []);
await browser.close();
process.exit(failed ? 1 : 0);
