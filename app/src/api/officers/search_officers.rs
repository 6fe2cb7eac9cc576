use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use shared::officers::{MapKommune, MapMarker, OfficerQuery, OfficerSearchResult};

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

/// Public (what is shown depends on the viewer): the markers of every municipality with
/// officers matching the map filters. A GET (it changes nothing) at [`marker_data_url`]: the
/// map page's boot script preloads it beside the WebAssembly, and the map reads the answer
/// with the browser's own JSON parser (`officers_browser`) rather than through this function's
/// client, which would deserialise every marker into Rust values before the first is drawn.
#[server(endpoint = "officers/map", input = GetUrl)]
pub async fn officer_map_data(query: OfficerQuery) -> Result<Vec<MapMarker>, AppError> {
    crate::server::serve::public(|state| async move {
        let filter = query.check().map_err(AppError::Validation)?;
        let user = crate::server::auth::current_user().await?;
        let viewer = domain::officers::Viewer::of(user.as_ref());
        let officers =
            domain::officers::directory::all_matching(&state.db, &state.directory, viewer, &filter)
                .await?;
        Ok::<_, AppError>(
            shared::officers::group_for_map(officers)
                .iter()
                .map(MapKommune::marker)
                .collect(),
        )
    })
    .await
}

/// Public (what is shown depends on the viewer): the officers matching the map filters in
/// the municipality `ags`, for its marker's popup (`None` if there are none). A GET: it
/// changes nothing, and the browser may keep the answer.
#[server(endpoint = "officers/map/kommune", input = GetUrl)]
pub async fn officer_map_kommune(
    query: OfficerQuery,
    ags: String,
) -> Result<Option<MapKommune>, AppError> {
    crate::server::serve::public(|state| async move {
        let filter = query.check().map_err(AppError::Validation)?;
        let user = crate::server::auth::current_user().await?;
        let viewer = domain::officers::Viewer::of(user.as_ref());
        let mut officers =
            domain::officers::directory::all_matching(&state.db, &state.directory, viewer, &filter)
                .await?;
        officers.retain(|officer| officer.ags == ags);
        Ok::<_, AppError>(shared::officers::group_for_map(officers).pop())
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
