//! Open data: `/api/beauftragte.geojson` (public profiles) and `/api/kommunen?q=` (gazetteer
//! type-ahead). Both read-only and public.

use app::server::AppState;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::Deserialize;

use crate::encoding::Coding;

/// RFC 7946 FeatureCollection of public profiles, with `ETag` and `Cache-Control`; answers
/// `304 Not Modified` when the client's copy is current. The body is built and compressed once
/// per version of the directory and served pre-compressed (Brotli or gzip) when accepted.
pub async fn officers_geojson(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let snapshot = match state.directory.current(&state.db).await {
        Ok(snapshot) => snapshot,
        Err(error) => {
            tracing::error!(%error, "geojson: query failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let public_url = state.settings.public_url.clone();
    let body = snapshot
        .geojson(|snapshot| domain::officers::geojson::encode_public(snapshot, &public_url));
    let cache = HeaderValue::from_static("public, max-age=60, must-revalidate");
    let etag =
        HeaderValue::from_str(&body.etag).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
    let vary = HeaderValue::from_static("accept-encoding");
    if crate::encoding::etag_matches(&headers, &body.etag) {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag),
                (header::CACHE_CONTROL, cache),
                (header::VARY, vary),
            ],
        )
            .into_response();
    }
    let coding = crate::encoding::preferred_coding(&headers);
    let (encoding, bytes) = match coding {
        Coding::Brotli if !body.brotli.is_empty() => (coding.header_value(), body.brotli.clone()),
        Coding::Gzip if !body.gzip.is_empty() => (coding.header_value(), body.gzip.clone()),
        _ => (None, body.identity.clone()),
    };
    let mut response = (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/geo+json"),
            ),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache),
            (header::VARY, vary),
        ],
        bytes,
    )
        .into_response();
    if let Some(encoding) = encoding {
        response
            .headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
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
    match domain::kommunen::queries::search(&state.db, &folded, 10).await {
        Ok(found) => Json(found).into_response(),
        Err(error) => {
            tracing::error!(%error, "kommunen type-ahead failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
