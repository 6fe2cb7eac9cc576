//! How the browser side starts: after the page's first paint, not before it.
//!
//! Leptos' `<HydrationScripts>` preloads the WebAssembly and its JavaScript from the `<head>`,
//! and the Leaflet scripts were `defer` scripts there too. On a slow connection those ≈ 350 KB
//! share the line with the page's HTML and CSS, so the server-rendered text (the largest paint
//! of most pages) waits for bytes it does not need. Here one small inline script starts all of
//! it once the first paint is shown: Leaflet, the marker data of `/karte` (as a preload the
//! map's own request finds), the WebAssembly; then it hydrates.
//! Pages work without JavaScript as before; with JavaScript they hydrate a frame later.

use leptos::hydration::HydrationScripts;
use leptos::prelude::*;

use crate::app::LEAFLET_JS;

/// The boot script. Its text never changes, so the Content Security Policy can allow it by
/// its hash (`server::middleware::csp`); what differs between pages and builds comes from the
/// script element's `data-` attributes: `data-js` and `data-wasm` (the bundle), `data-split`
/// (the loader of the WebAssembly chunks, which the bundle's JavaScript imports), `data-scripts`
/// (vendored scripts, space-separated, run in order before hydration), `data-preload` (a
/// same-origin URL fetched beside the WebAssembly, if any) and `data-islands` (the bundle is
/// the islands bundle: after `hydrate()` it calls each `<leptos-island>`'s function).
///
/// - The bundle's files are requested at once, side by side (as preloads), rather than one
///   after the other as the imports find them; so are a lazily loaded page's chunks, which
///   the server names in inert `<link data-rel="preload">` tags (`server::middleware`'s
///   `chunk_preloads`).
/// - It starts when the browser reports the first contentful paint as shown (paint timing),
///   not merely after the first frame's task: a frame can reach the screen tens of
///   milliseconds after its task, and a request started before the paint shows counts
///   toward it in Lighthouse (LCP 1.0 s or 3.4 s for the same page). Without paint timing:
///   after the first frame; if the paint never comes (a tab hidden meanwhile), after 3 s or
///   when the visibility changes.
/// - A hidden tab paints no frame: it starts at once.
/// - `async = false` keeps the vendored scripts in their order.
/// - Hydration waits for the vendored scripts, so every map finds `L`.
pub const BOOT_JS: &str = r#"const boot = document.querySelector("script[data-wasm]").dataset;
const hint = (rel, href, as) => {
  const link = document.createElement("link");
  link.rel = rel; link.href = href;
  if (as) { link.as = as; link.crossOrigin = "anonymous"; }
  document.head.append(link);
};
const start = () => {
  hint("modulepreload", boot.js);
  if (boot.split) hint("modulepreload", boot.split);
  hint("preload", boot.wasm, "fetch");
  if (boot.preload) hint("preload", boot.preload, "fetch");
  for (const link of document.querySelectorAll('link[data-rel="preload"]')) hint("preload", link.href, link.getAttribute("as"));
  const vendored = boot.scripts.split(" ").filter(Boolean).map((src) => new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src; script.async = false; script.onload = resolve; script.onerror = reject;
    document.head.append(script);
  }));
  const bundle = import(boot.js).then((mod) => mod.default({ module_or_path: boot.wasm }).then(() => mod));
  Promise.all([bundle, ...vendored]).then(([mod]) => {
    mod.hydrate();
    if ("islands" in boot) for (const island of document.querySelectorAll("leptos-island")) mod[island.dataset.component](island);
  });
};
let started = false;
const once = () => { if (!started) { started = true; start(); } };
if (document.visibilityState === "hidden") once();
else if (PerformanceObserver.supportedEntryTypes?.includes("paint")) {
  new PerformanceObserver((list) => {
    if (list.getEntriesByName("first-contentful-paint").length) once();
  }).observe({ type: "paint", buffered: true });
  document.addEventListener("visibilitychange", once, { once: true });
  setTimeout(once, 3000);
} else requestAnimationFrame(() => setTimeout(once, 0));
"#;

/// The files of one bundle: `<output-name>.<hash>.js` and `.wasm`, and the chunk loader
/// `__wasm_split.<hash>.js` of a split build.
#[derive(Clone, Debug, Default)]
struct Bundle {
    js: String,
    wasm: String,
    split: Option<String>,
}

/// The full app's bundle and, if it was built, the islands bundle of `/` and `/karte`
/// (`scripts/lib/common.sh`: `build_islands`), read once from the hash file cargo-leptos writes
/// next to the server binary (the islands' lines, `islands-js` and `islands-wasm`, are added
/// by that script).
#[cfg(feature = "ssr")]
fn bundles(options: &LeptosOptions) -> &'static (Bundle, Option<Bundle>) {
    static BUNDLES: std::sync::OnceLock<(Bundle, Option<Bundle>)> = std::sync::OnceLock::new();
    BUNDLES.get_or_init(|| {
        let name = options.output_name.to_string();
        let pkg = &options.site_pkg_dir;
        let file = |name: &str, hash: Option<&str>, extension: &str| match hash {
            Some(hash) => format!("/{pkg}/{name}.{hash}.{extension}"),
            None => format!("/{pkg}/{name}.{extension}"),
        };
        let hashes = if options.hash_files {
            std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
                .and_then(|path| std::fs::read_to_string(path).ok())
                .unwrap_or_default()
        } else {
            String::new()
        };
        let hash = |key: &str| {
            hashes
                .lines()
                .filter_map(|line| line.split_once(':'))
                .find(|(file, _)| file.trim() == key)
                .map(|(_, hash)| hash.trim().to_owned())
        };
        // Only a split build writes the loader.
        let split = hash("split")
            .map(|hash| format!("__wasm_split.{hash}.js"))
            .filter(|file| {
                std::path::Path::new(options.site_root.as_ref())
                    .join(pkg.as_ref())
                    .join(file)
                    .exists()
            })
            .map(|file| format!("/{pkg}/{file}"));
        let full = Bundle {
            js: file(&name, hash("js").as_deref(), "js"),
            wasm: file(&name, hash("wasm").as_deref(), "wasm"),
            split,
        };
        let islands = hash("islands-js")
            .zip(hash("islands-wasm"))
            .map(|(js, wasm)| Bundle {
                js: file("islands", Some(&js), "js"),
                wasm: file("islands", Some(&wasm), "wasm"),
                split: None,
            });
        (full, islands)
    })
}

/// The bundle the page at the request's path loads, and whether it is the islands bundle.
#[cfg(feature = "ssr")]
fn bundle_of_page(options: &LeptosOptions) -> (Bundle, bool) {
    let (full, islands) = bundles(options);
    let path = use_context::<http::request::Parts>()
        .map(|request| request.uri.path().to_owned())
        .unwrap_or_default();
    match islands {
        Some(islands) if crate::chunks::is_island_page(&path) => (islands.clone(), true),
        _ => (full.clone(), false),
    }
}

/// The inline script that starts the browser side after the first paint; `preload_data` is a
/// same-origin URL fetched beside the WebAssembly (the marker data of `/karte`). On `/` and
/// `/karte` it loads the islands bundle (if built), which hydrates only their `#[island]`s.
#[component]
pub fn BootScripts(options: LeptosOptions, preload_data: Option<String>) -> impl IntoView {
    // Leptos' component provides the WebAssembly split manifest, from which the server names
    // the chunk of a lazily loaded page in its <head>; its own links and script are not used.
    let _manifest = view! { <HydrationScripts options=options.clone() /> };
    #[cfg(feature = "ssr")]
    let (Bundle { js, wasm, split }, islands) = bundle_of_page(&options);
    #[cfg(not(feature = "ssr"))]
    let (Bundle { js, wasm, split }, islands) = {
        let _ = options;
        (Bundle::default(), false)
    };
    view! {
        <script
            type="module"
            data-js=js
            data-wasm=wasm
            data-split=split
            data-islands=islands.then_some("")
            data-scripts=LEAFLET_JS
            data-preload=preload_data
        >
            {BOOT_JS}
        </script>
    }
}
