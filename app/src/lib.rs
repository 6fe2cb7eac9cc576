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

/// Browser entry point: hydrates the server-rendered HTML (loading the chunk of a lazily
/// loaded page first; see [`chunks`]).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(App);
}
