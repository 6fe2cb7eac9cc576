// Prints one Markdown table row per Lighthouse report (JSON files given as arguments): the page,
// the performance score, LCP, TBT, CLS, and the bytes transferred by kind — WebAssembly, JS,
// CSS, data (fetch/XHR and JSON) and all.
import { readFileSync } from "node:fs";

const kib = (bytes) => `${(bytes / 1024).toFixed(1)}`;
console.log("| page | score | LCP | TBT | CLS | wasm KiB | JS KiB | CSS KiB | data KiB | all KiB |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  const audits = report.audits;
  const bytes = { wasm: 0, js: 0, css: 0, data: 0, all: 0 };
  for (const request of audits["network-requests"].details.items) {
    const size = request.transferSize ?? 0;
    const path = new URL(request.url).pathname;
    bytes.all += size;
    if (path.endsWith(".wasm")) bytes.wasm += size;
    else if (request.resourceType === "Script") bytes.js += size;
    else if (request.resourceType === "Stylesheet") bytes.css += size;
    else if (["Fetch", "XHR"].includes(request.resourceType) || path.endsWith(".json")) bytes.data += size;
  }
  const ms = (id) => `${Math.round(audits[id].numericValue)} ms`;
  const page = new URL(report.finalDisplayedUrl ?? report.finalUrl).pathname;
  console.log(
    `| \`${page}\` | ${Math.round(report.categories.performance.score * 100)} | ` +
      `${ms("largest-contentful-paint")} | ${ms("total-blocking-time")} | ` +
      `${audits["cumulative-layout-shift"].numericValue.toFixed(3)} | ${kib(bytes.wasm)} | ` +
      `${kib(bytes.js)} | ${kib(bytes.css)} | ${kib(bytes.data)} | ${kib(bytes.all)} |`,
  );
}
