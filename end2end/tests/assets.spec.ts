import { statSync } from "node:fs";
import { join } from "node:path";
import { test, expect } from "./fixtures";

/** Where the server under test reads its files (scripts/test builds them there). */
const siteRoot = process.env.LEPTOS_SITE_ROOT ?? join(__dirname, "..", "..", "target", "site");

test("hashed assets are served precompressed: brotli when accepted, else gzip", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "js", "the same files for both projects");
  const named = async (path: string) =>
    [...new Set((await (await request.get(path)).text()).match(/\/pkg\/[\w.-]+\.(?:wasm|js|css)/g) ?? [])];
  // The start page names the stylesheet and the islands bundle (JavaScript and WebAssembly);
  // a page of the full app names its bundle and the loader of its chunks
  // (`__wasm_split.<hash>.js`).
  const start = await named("/");
  const signIn = await named("/anmelden");
  expect(start.filter((a) => !a.endsWith(".css")).map((a) => a.replace(/\.[\w-]+\.(js|wasm)$/, ".$1")).sort(), "the start page names the islands bundle").toEqual([
    "/pkg/islands.js",
    "/pkg/islands.wasm",
  ]);
  expect([...new Set(signIn.map((a) => a.split(".").pop()))].sort(), "a page of the full app names its bundle").toEqual(["css", "js", "wasm"]);
  expect(signIn.some((a) => a.includes("/__wasm_split.")), "and the chunk loader").toBe(true);
  const assets = [...new Set([...start, ...signIn])];
  for (const asset of assets) {
    const onDisk = join(siteRoot, asset);
    for (const [accept, coding, suffix] of [
      ["br, gzip", "br", ".br"],
      ["gzip", "gzip", ".gz"],
    ] as const) {
      const response = await request.get(asset, { headers: { "Accept-Encoding": accept } });
      expect(response.status(), asset).toBe(200);
      expect(response.headers()["content-encoding"], `${asset} with ${accept}`).toBe(coding);
      // The file written at build time, sent as it is (not compressed again on the fly).
      expect(Number(response.headers()["content-length"]), `${asset}${suffix}`).toBe(statSync(onDisk + suffix).size);
    }
    if (asset.endsWith(".wasm")) {
      const response = await request.get(asset, { headers: { "Accept-Encoding": "br" } });
      expect(response.headers()["content-type"]).toBe("application/wasm");
      expect(response.headers()["cache-control"]).toContain("immutable");
    }
  }
  // The bundle's own JavaScript modules (wasm-bindgen's snippets, imported by its JavaScript)
  // are precompressed too; they keep their names whatever they hold, so they are revalidated
  // rather than kept for a year beside a newer bundle.
  const bundles = assets.filter((a) => a.endsWith(".js") && !a.includes("/__wasm_split."));
  expect(bundles.length, "two bundles").toBe(2);
  const imports = await Promise.all(bundles.map(async (bundle) => (await (await request.get(bundle)).text()).match(/snippets\/[\w./-]+\.js/g) ?? []));
  const snippets = [...new Set(imports.flat())];
  expect(snippets, "the map's markers module").toContainEqual(expect.stringMatching(/\/markers\.js$/));
  for (const snippet of snippets) {
    const response = await request.get(`/pkg/${snippet}`, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(response.status(), snippet).toBe(200);
    expect(response.headers()["content-encoding"], snippet).toBe("br");
    expect(Number(response.headers()["content-length"]), snippet).toBe(statSync(join(siteRoot, "pkg", `${snippet}.br`)).size);
    expect(response.headers()["cache-control"], snippet).toBe("public, no-cache");
  }
});

test("pages rendered at the same time name only their own chunks", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "js", "the same HTML for both projects");
  // Leptos keeps the current render's owner in a thread-local that a render started on the
  // same worker thread overwrites; a render that resumed after that wrote its chunk preload
  // links into the other page's <head> (seen: `/` naming the accounts' chunk). A query string
  // the page ignores makes every request a render instead of a page-cache hit.
  const chunks = (html: string) => [...new Set(html.match(/split_[a-z_]+_pages/g) ?? [])].sort();
  for (let round = 0; round < 6; round++) {
    const paths = Array.from({ length: 6 }, (_, i) => [
      `/?r=${round}-${i}`,
      `/anmelden?r=${round}-${i}`,
      `/impressum?r=${round}-${i}`,
      `/karte?r=${round}-${i}`,
    ]).flat();
    const pages = await Promise.all(paths.map(async (path) => [path, await (await request.get(path)).text()] as const));
    for (const [path, html] of pages) {
      // `/` and `/karte` load the islands bundle: no chunk of the full app.
      const expected = path.startsWith("/anmelden") ? ["split_account_pages"] : path.startsWith("/impressum") ? ["split_legal_pages"] : [];
      expect(chunks(html), `chunks named by ${path}`).toEqual(expected);
    }
  }
});

test("a lazily loaded page names its chunks inertly and fetches them after the first paint", async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== "js", "only the browser loads WebAssembly");
  const html = await (await request.get("/anmelden")).text();
  // A preload in the <head> would start before the first paint; `data-rel` is inert.
  expect(html).toMatch(/<link[^>]*href="\/pkg\/split_account_pages[^"]*\.wasm"[^>]*data-rel="preload"/);
  expect(html, "no bundle file preloaded from the head").not.toMatch(/<link[^>]*href="\/pkg\/[^"]*"[^>]*\srel="(?:module)?preload"/);
  await page.goto("/anmelden");
  // The boot script preloads the chunk once the paint is shown; hydration uses that download
  // (an unused preload would be a console warning, which the fixture refuses).
  await expect(async () => {
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      chunk: performance.getEntriesByType("resource").find((entry) => entry.name.includes("split_account_pages"))?.startTime ?? NaN,
    }));
    expect(timing.chunk, JSON.stringify(timing)).toBeGreaterThanOrEqual(timing.paint);
  }).toPass();
});

test("the start page and the map load only the islands bundle, none of the full app's code", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "js", "only the browser loads WebAssembly");
  let loaded: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(".wasm")) loaded.push(path);
  });
  for (const path of ["/", "/karte"]) {
    loaded = [];
    await page.goto(path);
    // Hydrated: the map is drawn by the browser.
    await expect(page.locator(".leaflet-container")).toBeVisible();
    // One module: neither the full app nor any chunk of its pages (account, coordination and
    // admin, forum organisers, board, …).
    expect(loaded, `${path} loads the islands bundle only`).toEqual([expect.stringMatching(/^\/pkg\/islands\.[\w-]+\.wasm$/)]);
  }
  // The same check can fail: opening the sign-in page loads the full app and the accounts' chunk.
  loaded = [];
  await page.goto("/anmelden");
  await expect(async () => expect(loaded.some((p) => /split_account_pages/.test(p))).toBe(true)).toPass();
  expect(loaded.some((p) => /\/islands\./.test(p)), "the full app without the islands bundle").toBe(false);
});

test("a lazily loaded page keeps its title while its chunk is still loading", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "js", "only the browser hydrates");
  // The accounts' chunk arrives a second late, so a gap in the title cannot be missed.
  await page.route(/split_account_pages.*\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { titles: string[] }).titles = seen;
    const record = () => {
      if (document.readyState !== "loading") seen.push(document.title);
    };
    setInterval(record, 5);
  });
  const chunk = page.waitForResponse(/split_account_pages.*\.wasm$/);
  await page.goto("/anmelden");
  await chunk;
  // Hydrated: the sign-in form answers in the browser.
  await page.waitForTimeout(200);
  const titles = await page.evaluate(() => (window as unknown as { titles: string[] }).titles);
  expect(titles.length, "the title was sampled while the chunk loaded").toBeGreaterThan(50);
  expect(new Set(titles), "the title never goes blank").toEqual(new Set(["Anmelden – Beteiligungsnetz"]));
});
