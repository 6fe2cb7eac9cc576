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
/// the markers, grouped by municipality. A GET (it changes nothing) at [`marker_data_url`]:
/// the map page's boot script preloads it beside the WebAssembly, and the map reads the answer
/// with the browser's own JSON parser (`officers_browser`) rather than through this function's
/// client, which would deserialise every officer into Rust values before the first marker.
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

/// The URL of [`officer_map_data`] for `query`: the endpoint and the arguments URL-encoded as
/// its `GetUrl` input expects them. The server names it in the map page's preload and the
/// browser requests it, both through this function, so a preloaded answer is always found
/// (`map.spec.ts` checks that the markers are requested once).
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub fn marker_data_url(query: OfficerQuery) -> Option<String> {
    use leptos::server_fn::ServerFn;
    let arguments = serde_qs::to_string(&OfficerMapData { query }).ok()?;
    Some(format!("{}?{arguments}", OfficerMapData::PATH))
}
