// Map rendering in headless Chromium (Debian's, through Playwright): loads /karte, waits until
// every marker is drawn (the map container's data-gezeichnet attribute), then pans and zooms.
// Prints the time from the marker data's arrival to drawn clusters and the long tasks
// (> 50 ms) during loading and during panning/zooming. Runs several times; reports each run.
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const runs = Number(process.env.RUNS ?? 5);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const results = [];
for (let run = 1; run <= runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: "longtask", buffered: true });
  });
  const started = Date.now();
  await page.goto(`${base}/karte`);
  const canvas = page.locator(".map-canvas[data-markierungen]:not([data-markierungen='0'])");
  await canvas.waitFor({ state: "attached", timeout: 60_000 });
  const load = await page.evaluate(() => {
    const data = performance
      .getEntriesByType("resource")
      .find((e) => e.name.includes("/api/officers/map"));
    const el = document.querySelector(".map-canvas");
    const drawnAt = Number(el.getAttribute("data-gezeichnet")) - performance.timeOrigin;
    return {
      markers: Number(el.getAttribute("data-markierungen")),
      dataRequested: data ? data.startTime : NaN,
      dataArrived: data ? data.responseEnd : NaN,
      drawn: drawnAt,
      clusters: document.querySelectorAll(".marker-cluster").length,
      longTasks: window.__longTasks.slice(),
    };
  });
  const loadTasks = load.longTasks;
  const interactionStart = await page.evaluate(() => performance.now());
  // Pan and zoom like a person: wheel zoom in three steps, drag, zoom out.
  const box = await page.locator(".map-canvas").boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 3; i++) {
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(400);
  }
  for (let i = 0; i < 4; i++) {
    await page.mouse.down();
    await page.mouse.move(cx + 150 * (i % 2 ? -1 : 1), cy + 80, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(300);
  }
  for (let i = 0; i < 3; i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(400);
  }
  const interactionTasks = await page.evaluate(
    (since) => window.__longTasks.filter((t) => t.start >= since),
    interactionStart,
  );
  const maxOf = (tasks) => tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  results.push({
    run,
    markers: load.markers,
    clustersVisible: load.clusters,
    navigationToRequest: Math.round(load.dataRequested),
    navigationToData: Math.round(load.dataArrived),
    dataToDrawn: Math.round(load.drawn - load.dataArrived),
    navigationToDrawn: Math.round(load.drawn),
    longestTaskLoading: Math.round(maxOf(loadTasks)),
    longestTaskPanZoom: Math.round(maxOf(interactionTasks)),
    longTasksPanZoom: interactionTasks.length,
    wallMs: Date.now() - started,
  });
  await context.close();
}
await browser.close();
console.table(results);
const median = (key) => {
  const values = results.map((r) => r[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
};
console.log(
  `median: navigation→data requested ${median("navigationToRequest")} ms, ` +
    `data→drawn ${median("dataToDrawn")} ms, navigation→drawn ${median("navigationToDrawn")} ms, ` +
    `longest task loading ${median("longestTaskLoading")} ms, pan/zoom ${median("longestTaskPanZoom")} ms`,
);
