use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};

/// Bounds every request body at `default` bytes — the organisers' PDF uploads at the document
/// limit plus room for the form around the file. A body announced larger is refused at once
/// (413); one that turns out larger is cut off where it crosses the limit.
pub async fn limit_body(default: usize, request: Request, next: Next) -> Response {
    let limit = if request.method() == http::Method::POST
        && crate::forum_files::is_document_upload(request.uri().path())
    {
        default.max(domain::forums::documents::MAX_DOCUMENT_BYTES + 64 * 1024)
    } else {
        default
    };
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|length| length > limit) {
        return (StatusCode::PAYLOAD_TOO_LARGE, "Die Anfrage ist zu groß.").into_response();
    }
    let (parts, body) = request.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}
