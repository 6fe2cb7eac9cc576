use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use shared::officers::{MapKommune, OfficerQuery, OfficerSearchResult};

use crate::error::AppError;

/// Public (what is shown depends on the viewer): one page of the officers matching the map
/// filters, with the totals.
#[server(endpoint = "officers/search")]
pub async fn search_officers(query: OfficerQuery) -> Result<OfficerSearchResult, AppError> {
    crate::server::serve::public(|state| async move {
        let filter = query.check().map_err(AppError::Validation)?;
        let user = crate::server::auth::current_user().await?;
        let viewer = domain::officers::Viewer::of(user.as_ref());
        Ok::<_, AppError>(
            domain::officers::directory::search(&state.db, &state.directory, viewer, &filter)
                .await?,
        )
    })
    .await
}

/// Public (what is shown depends on the viewer): every officer matching the map filters, for
/// the markers, grouped by municipality. Loaded by the browser beside the page, so the page
/// itself stays small: a GET (it changes nothing), so that the map page's preload
/// ([`marker_data_url`], started by the boot script)
/// can start it before the WebAssembly has loaded and the browser's request finds it under
/// the same URL.
#[server(endpoint = "officers/map", input = GetUrl)]
pub async fn officer_map_data(query: OfficerQuery) -> Result<Vec<MapKommune>, AppError> {
    crate::server::serve::public(|state| async move {
        let filter = query.check().map_err(AppError::Validation)?;
        let user = crate::server::auth::current_user().await?;
        let viewer = domain::officers::Viewer::of(user.as_ref());
        Ok::<_, AppError>(shared::officers::group_for_map(
            domain::officers::directory::all_matching(&state.db, &state.directory, viewer, &filter)
                .await?,
        ))
    })
    .await
}

/// The URL under which the browser's [`officer_map_data`] asks for the markers of `query`:
/// the endpoint and the arguments URL-encoded exactly as the server function's client does.
#[cfg(feature = "ssr")]
pub fn marker_data_url(query: OfficerQuery) -> Option<String> {
    use leptos::server_fn::ServerFn;
    let arguments = serde_qs::to_string(&OfficerMapData { query }).ok()?;
    // The browser side of the server function ends its query with one more `&` (seen with
    // server_fn 0.8.13); a preload is used only under the very same URL, which the end-to-end
    // test in `map.spec.ts` checks (one request for the markers).
    Some(format!("{}?{arguments}&", OfficerMapData::PATH))
}
