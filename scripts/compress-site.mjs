// Writes a brotli (highest quality) and a gzip (level 9) sibling of every asset cargo-leptos
// built into the site's pkg/ directory and its subdirectories (WebAssembly, JavaScript, CSS;
// wasm-bindgen's snippets live in pkg/snippets/), so the server sends the
// precompressed file instead of compressing on every request at its fastest level.
// Run by scripts/lib/common.sh after every `cargo leptos build`. Usage:
//   node scripts/compress-site.mjs [site root, default target/site]
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = process.argv[2] ?? "target/site";
const pkg = join(root, "pkg");
const compressible = /\.(wasm|js|css)$/;
let written = 0;
for (const name of readdirSync(pkg, { recursive: true })) {
  const file = join(pkg, name);
  if (!statSync(file).isFile()) continue;
  if (/\.(br|gz)$/.test(name)) {
    // A sibling of a file this build no longer has.
    const original = file.replace(/\.(br|gz)$/, "");
    try {
      statSync(original);
    } catch {
      rmSync(file);
    }
    continue;
  }
  if (!compressible.test(name)) continue;
  const data = readFileSync(file);
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: name.endsWith(".wasm")
        ? constants.BROTLI_MODE_GENERIC
        : constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  written += 1;
  console.log(`compress-site: ${name} ${data.length} B → br ${brotli.length} B`);
}
if (written === 0) {
  console.error(`compress-site: no assets in ${pkg}`);
  process.exit(1);
}
