// Copies third-party browser assets from node_modules and the bundled state outlines from
// data/ into public/, version-pinned in the path so they can be cached forever.
// Writes .br and .gz siblings so the server can send them precompressed.
// Run by the build (scripts/lib/build.sh); never edit the copies by hand.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const version = (pkg) =>
  JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version;

const EXPECTED = { leaflet: "1.9.4" };
for (const [pkg, want] of Object.entries(EXPECTED)) {
  if (version(pkg) !== want) {
    console.error(`vendor-assets: ${pkg} is ${version(pkg)}, the app expects ${want} (app/src/app.rs)`);
    process.exit(1);
  }
}

const compressible = /\.(js|css|json|svg)$/;
function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  if (compressible.test(to)) {
    const data = readFileSync(to);
    writeFileSync(`${to}.gz`, gzipSync(data, { level: 9 }));
    writeFileSync(
      `${to}.br`,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

rmSync(join(root, "public/vendor"), { recursive: true, force: true });
rmSync(join(root, "public/geo"), { recursive: true, force: true });

const leafletDir = join(root, "node_modules/leaflet/dist");
const leafletOut = join(root, `public/vendor/leaflet-${EXPECTED.leaflet}`);
for (const file of ["leaflet.js", "leaflet.css"]) copy(join(leafletDir, file), join(leafletOut, file));
for (const file of readdirSync(join(leafletDir, "images"))) {
  copy(join(leafletDir, "images", file), join(leafletOut, "images", file));
}

copy(join(root, "data/bundeslaender.geo.json"), join(root, "public/geo/bundeslaender.geo.json"));
console.log("vendor-assets: Leaflet and state outlines copied to public/");
