// Prints the raw and brotli-compressed sizes of the release bundle (WASM, JS, CSS) as a
// Markdown table. Run after `cargo leptos build --release`: node scripts/bundle-sizes.mjs
// [--bytes] [pkg directory]; `--bytes` gives exact byte counts instead of KiB.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const bytes = args.includes("--bytes");
const dir = args.find((a) => !a.startsWith("--")) ?? "target/site/pkg";
const size = (n) => (bytes ? n.toLocaleString("en") : `${(n / 1024).toFixed(1)} KiB`);
const rows = readdirSync(dir)
  .filter((f) => /\.(wasm|js|css)$/.test(f))
  .sort()
  .map((file) => {
    const data = readFileSync(join(dir, file));
    const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    return { file, raw: data.length, br: br.length };
  });
console.log("| file | raw | brotli (q11) |\n| --- | ---: | ---: |");
for (const r of rows) console.log(`| ${r.file.replace(/\.[A-Za-z0-9_-]{22}\./, ".<hash>.")} | ${size(r.raw)} | ${size(r.br)} |`);
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });
console.log(`| **total** | **${size(total.raw)}** | **${size(total.br)}** |`);
