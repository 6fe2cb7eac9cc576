//! Open data: `/api/beauftragte.geojson` (public profiles) and `/api/kommunen?q=` (gazetteer
//! type-ahead). Both read-only and public.

use app::server::AppState;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::Deserialize;

/// RFC 7946 FeatureCollection of public profiles, with `ETag` and `Cache-Control`; answers
/// `304 Not Modified` when the client's copy is current.
pub async fn officers_geojson(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let officers = match app::server::officers::directory::public_officers(&state.db).await {
        Ok(officers) => officers,
        Err(error) => {
            tracing::error!(%error, "geojson: query failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let body =
        app::server::officers::geojson::feature_collection(&officers, &state.settings.public_url)
            .to_string();
    let etag = format!(
        "\"{}\"",
        &app::server::auth::tokens::hash_secret(&body)[..32]
    );
    let cache = HeaderValue::from_static("public, max-age=60, must-revalidate");
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag));
    let etag = HeaderValue::from_str(&etag).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
    if matches {
        return (
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag), (header::CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/geo+json"),
            ),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache),
        ],
        body,
    )
        .into_response()
}

/// Query of the municipality type-ahead.
#[derive(Debug, Deserialize)]
pub struct KommunenQuery {
    #[serde(default)]
    q: String,
}

/// Up to ten municipalities matching `q`, from the bundled gazetteer (no external geocoder).
pub async fn kommunen(
    State(state): State<AppState>,
    Query(query): Query<KommunenQuery>,
) -> Response {
    let folded = match shared::validation::kommune_search_query(&query.q) {
        Ok(Some(folded)) => folded,
        Ok(None) => return Json(Vec::<shared::KommuneSuggestion>::new()).into_response(),
        Err(error) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(serde_json::json!({ "fehler": error.message })),
            )
                .into_response();
        }
    };
    match app::server::kommunen::queries::search(&state.db, &folded, 10).await {
        Ok(found) => Json(found).into_response(),
        Err(error) => {
            tracing::error!(%error, "kommunen type-ahead failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
