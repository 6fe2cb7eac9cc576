// Navigation → clusters drawn for several web maps, side by side in one headless Chromium
// (Debian's, through Playwright), interleaved so that a noisy machine affects all alike.
// Written to compare our /karte with uMap (issue 13); BENCHMARKS.md describes the uMap setup.
//
//   MAPS="ours=http://127.0.0.1:3000/karte umap=http://127.0.0.1:8019/de/map/bench-cluster-5000_1" \
//     ROUNDS=8 RUNS=2 node scripts/bench/map-side-by-side.mjs
//
// Each run opens the map in a new browser context (after one unmeasured load per map). An
// init script's MutationObserver records when an element matching SELECTOR (default: Leaflet
// markers and cluster icons) is added; a run ends once such elements exist and none was added
// for QUIET_MS (2 s). The result is the last addition, in ms since navigation start. Other
// hosts than the maps' own fail DNS (`--host-resolver-rules`, no request interception, so the
// HTTP cache works as usual); their requests are counted.
import { chromium } from "@playwright/test";

const maps = (process.env.MAPS ?? "")
  .split(/\s+/)
  .filter(Boolean)
  .map((entry) => {
    const at = entry.indexOf("=");
    return { label: entry.slice(0, at), url: entry.slice(at + 1) };
  });
if (!maps.length || maps.some((map) => !map.label || !map.url)) {
  console.error('set MAPS="label=url label=url …"');
  process.exit(2);
}
const rounds = Number(process.env.ROUNDS ?? 8);
const runs = Number(process.env.RUNS ?? 2);
const selector = process.env.SELECTOR ?? ".marker-cluster, .leaflet-marker-icon";
const quietMs = Number(process.env.QUIET_MS ?? 2000);
const ownHosts = [...new Set(maps.map((map) => new URL(map.url).hostname))];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    `--host-resolver-rules=MAP * ~NOTFOUND, ${ownHosts.map((host) => `EXCLUDE ${host}`).join(", ")}`,
  ],
});

function observe(selector) {
  const state = { last: null };
  window.__mapBench = state;
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node.nodeType === 1 && (node.matches(selector) || node.querySelector(selector))) {
          state.last = performance.now();
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

async function load(map) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  let foreign = 0;
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && !ownHosts.includes(url.hostname)) foreign++;
  });
  await context.addInitScript(observe, selector);
  const page = await context.newPage();
  await page.goto(map.url, { waitUntil: "commit" });
  await page.waitForFunction(
    ({ selector, quietMs }) =>
      window.__mapBench?.last != null &&
      document.querySelector(selector) !== null &&
      performance.now() - window.__mapBench.last >= quietMs,
    { selector, quietMs },
    { timeout: 60_000, polling: 50 },
  );
  const drawn = await page.evaluate(() => window.__mapBench.last);
  await context.close();
  return { drawn, foreign };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const results = Object.fromEntries(maps.map((map) => [map.label, []]));
for (const map of maps) await load(map); // warm-up
for (let round = 1; round <= rounds; round++) {
  for (const map of maps) {
    for (let run = 0; run < runs; run++) {
      const { drawn, foreign } = await load(map);
      results[map.label].push(drawn);
      console.log(`round ${round} ${map.label}: ${Math.round(drawn)} ms (other hosts asked: ${foreign})`);
    }
  }
}
const first = maps[0].label;
for (const map of maps) {
  const times = results[map.label];
  const line = `${map.label}: median ${Math.round(median(times))} ms over ${times.length} runs (${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))})`;
  const ratio = map.label === first ? "" : `, ${first} / ${map.label} = ${(median(results[first]) / median(times)).toFixed(2)}`;
  console.log(line + ratio);
}
await browser.close();
