/// Whether this installation holds the demo seed, for the layout's notice.
///
/// Not a server function: the notice is part of the layout, which the browser hydrates once
/// and never renders anew, so the browser never asks. The server reads the flag while it
/// renders a page, and the page carries it to the browser as the text `true` or `false` (see
/// [`DemoNotice`](crate::components::layout::DemoNotice)) rather than the whole
/// [`SiteStatus`](shared::SiteStatus) with the operator's address. In the browser this is
/// never called; if it were, it would warn and answer `false`.
pub async fn demo_data_seeded() -> bool {
    #[cfg(feature = "ssr")]
    {
        let Ok(state) = crate::server::app_state() else {
            return false;
        };
        domain::platform::settings::has_demo_data(&state.db)
            .await
            .unwrap_or_else(|error| {
                tracing::warn!(%error, "demo notice: settings unavailable");
                false
            })
    }
    #[cfg(not(feature = "ssr"))]
    {
        // Only if the page came without the flag (the notice then stays hidden).
        leptos::logging::warn!("demo notice: the page carried no flag");
        false
    }
}
