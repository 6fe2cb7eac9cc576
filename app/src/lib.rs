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

/// Browser entry point: hydrates the server-rendered HTML. Pages of the main module (the start
/// page, the map, the profiles: see [`chunks`]) hydrate synchronously; a lazily loaded page
/// hydrates asynchronously, after its chunk has loaded. Asynchronous hydration works for every
/// page but is slower (navigation → clusters drawn on the map: 9 % longer, BENCHMARKS.md), so it
/// is used only where it is needed.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let path = web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default();
    if chunks::in_main_module(&path) {
        leptos::mount::hydrate_body(App);
    } else {
        leptos::mount::hydrate_lazy(App);
    }
}
