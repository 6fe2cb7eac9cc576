//! Server-only glue between Leptos and the `domain` crate: the application state in the
//! context, the session of the request and the rules that guard server functions, and the frame
//! every server function runs in. The services themselves live in `domain`.

pub mod auth;
pub mod serve;
pub mod state;

pub use state::{AppState, MapTiles, RuntimeSettings, app_state};
