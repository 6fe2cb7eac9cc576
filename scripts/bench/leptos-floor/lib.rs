//! The smallest Leptos 0.8 apps that use, one feature at a time, what the start page and the
//! map of Beteiligungsnetz use; built by `scripts/bench-leptos-floor.sh` with the project's own
//! profiles, flags and locked dependencies, to show where the main WebAssembly module's bytes
//! go before any page of ours adds one (issue 13; BENCHMARKS.md, "Issue 13, session 23").
//!
//! Features (none: a router with two routes and a button):
//! - `resource`: one server function loaded by a resource (JSON) under `<Suspense>`;
//! - `boundary`: an `<ErrorBoundary>` around the routes and a `<Title>`;
//! - `lazy`: a third route whose page is in a WebAssembly chunk (`--split`), hydrated with
//!   `hydrate_lazy` when opened directly, as `app/src/chunks.rs` does;
//! - `islands`: Leptos islands: only the button (an `#[island]`) hydrates, the rest of the
//!   page stays server-rendered HTML;
//! - `hybrid`: `/` hydrates its islands only; every other page loads the full app from a chunk
//!   and hydrates it (client-side routing as today).

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The HTML document (used by the server of `--check`).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="de">
            <head>
                <meta charset="utf-8" />
                <link rel="icon" href="data:," />
                <HydrationScripts options islands=cfg!(feature = "islands") />
                <leptos_meta::MetaTags />
            </head>
            <body><App /></body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    leptos_meta::provide_meta_context();
    view! {
        <Router>
            <header>
                <nav><A href="/">"Start"</A>" "<A href="/karte">"Karte"</A>" "<A href="/chunk">"Chunk"</A></nav>
            </header>
            <main>{content()}</main>
        </Router>
    }
}

#[cfg(feature = "boundary")]
fn content() -> impl IntoView {
    view! {
        <ErrorBoundary fallback=|errors| view! { <p>{move || format!("{} Fehler", errors.get().into_iter().count())}</p> }>
            {routes()}
        </ErrorBoundary>
    }
}

#[cfg(not(feature = "boundary"))]
fn content() -> impl IntoView {
    routes()
}

#[cfg(not(feature = "lazy"))]
fn routes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <p>"Nicht gefunden"</p> }>
            <Route path=path!("/") view=Home ssr=SsrMode::Async />
            <Route path=path!("/karte") view=Map ssr=SsrMode::Async />
        </Routes>
    }
}

#[cfg(feature = "lazy")]
fn routes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <p>"Nicht gefunden"</p> }>
            <Route path=path!("/") view=Home ssr=SsrMode::Async />
            <Route path=path!("/karte") view=Map ssr=SsrMode::Async />
            <Route path=path!("/chunk") view=ChunkPage ssr=SsrMode::Async />
        </Routes>
    }
}

#[component]
fn Home() -> impl IntoView {
    view! { <h1>"Start"</h1><Counter />{figures()} }
}

#[component]
fn Map() -> impl IntoView {
    #[cfg(feature = "boundary")]
    let title = view! { <leptos_meta::Title text="Karte" /> };
    #[cfg(not(feature = "boundary"))]
    let title = ();
    view! { {title}<h1>"Karte"</h1> }
}

#[cfg(feature = "islands")]
#[island]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! { <button on:click=move |_| count.update(|c| *c += 1)>{count}</button> }
}

#[cfg(not(feature = "islands"))]
#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! { <button on:click=move |_| count.update(|c| *c += 1)>{count}</button> }
}

/// Key figures, as the start page loads them.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct Figures {
    pub kommunen: u64,
    pub laender: u32,
    pub name: String,
}

#[server]
pub async fn get_figures() -> Result<Figures, ServerFnError> {
    Ok(Figures {
        kommunen: 6354,
        laender: 16,
        name: "Kommunen".into(),
    })
}

#[cfg(feature = "resource")]
fn figures() -> impl IntoView {
    let figures = Resource::new(|| (), |()| get_figures());
    view! {
        <Suspense fallback=|| ()>
            {move || figures.get().map(|result| match result {
                Ok(f) => view! { <p>{f.kommunen}" "{f.name}" aus "{f.laender}" Ländern"</p> }.into_any(),
                Err(error) => view! { <p>{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[cfg(not(feature = "resource"))]
fn figures() -> impl IntoView {}

/// The page of the `/chunk` route, from a WebAssembly chunk.
#[cfg(feature = "lazy")]
#[derive(Clone, Copy, Debug)]
pub struct ChunkPage;

#[cfg(feature = "lazy")]
#[leptos::lazy]
fn chunk_view() -> AnyView {
    view! { <h1>"Chunk"</h1><p>"Seite aus dem Chunk"</p> }.into_any()
}

#[cfg(feature = "lazy")]
impl leptos_router::ChooseView for ChunkPage {
    async fn choose(self) -> AnyView {
        chunk_view().await
    }

    async fn preload(&self) {
        #[cfg(feature = "hydrate")]
        __preload_chunk_view().await;
    }
}

/// `hybrid`: the full app, hydrated from a chunk on every page but `/`.
#[cfg(feature = "hybrid")]
#[leptos::lazy]
fn full_app() {
    #[cfg(feature = "hydrate")]
    leptos::mount::hydrate_lazy(App);
}

#[cfg(feature = "hydrate")]
fn path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default()
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "hybrid")]
    if path() == "/" {
        leptos::mount::hydrate_islands();
    } else {
        wasm_bindgen_futures::spawn_local(full_app());
    }
    #[cfg(all(feature = "islands", not(feature = "hybrid")))]
    leptos::mount::hydrate_islands();
    #[cfg(all(feature = "lazy", not(feature = "islands")))]
    if path() == "/" || path() == "/karte" {
        leptos::mount::hydrate_body(App);
    } else {
        leptos::mount::hydrate_lazy(App);
    }
    #[cfg(not(any(feature = "lazy", feature = "islands")))]
    leptos::mount::hydrate_body(App);
}
