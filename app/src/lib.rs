//! Beteiligungsnetz: the Leptos application shared by server (SSR) and browser (hydration).
//!
//! - [`app`]: HTML shell, routes and the root component.
//! - [`pages`] and [`components`]: the user interface (German).
//! - [`api`]: thin server functions, one per file.
//! - [`server`] (feature `ssr` only): database, migrations, services.

#![recursion_limit = "256"]

pub mod api;
pub mod app;
mod chunks;
pub mod components;
pub mod error;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod server;

pub use app::{App, shell};

/// Room for wasm-split (`cargo leptos build --split`) to move string constants into the
/// chunks of the pages that use them. The splitter lays each data segment out anew, module by
/// module, and when the new layout comes out longer than the old one (alignment padding) it
/// gives up and keeps the whole segment, the text of every page, in the main module
/// (wasm_split_cli_support 0.2.3, `emit.rs`: "Overlong segment … putting it in main module";
/// seen as a main module of 197 KB of data instead of 92 KB, flipping between builds). These
/// bytes are kept by the linker (`#[used]`) but read by no code, so the splitter leaves them
/// out and they absorb that padding. Not zero, so they lie in the read-only segment with the
/// strings rather than in `.bss`.
#[cfg(all(feature = "hydrate", not(feature = "light")))]
#[used]
static SPLIT_DATA_SLACK: [u8; 8192] = [0x5a; 8192];

/// Browser entry point of the full app: hydrates the server-rendered HTML, asynchronously, so a
/// lazily loaded page waits for its chunk. The start page and the map are not hydrated by this
/// bundle but by the islands bundle (`hydrate_islands` below); it renders them after a
/// client-side navigation. Opened directly without that bundle (a development build that did
/// not run `build_islands`), they are rendered anew in the browser.
#[cfg(all(feature = "hydrate", not(feature = "light")))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let path = web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default();
    if chunks::is_island_page(&path) {
        if let Some(body) = leptos::prelude::document().body() {
            body.set_text_content(None);
        }
        leptos::mount::mount_to_body(App);
    } else {
        leptos::mount::hydrate_lazy(App);
    }
}

/// Browser entry point of the islands bundle (feature `light`) of the start page and the map:
/// prepares the page's islands, which the boot script then hydrates one by one
/// (`components::layout::BOOT_JS`). Only their code is in this bundle: no router, no other
/// page, no chunk.
#[cfg(feature = "light")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = hydrate)]
pub fn hydrate_islands() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
