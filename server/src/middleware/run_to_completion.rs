use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use leptos::prelude::Owner;

/// Runs the request's handler in a task of its own, so a client that goes away (a closed tab, a
/// quick second click) does not cancel a page render half-way. A cancelled Leptos render leaves
/// its spawned resource and effect tasks running against a dropped owner, which then log
/// "AppState missing" and panic ("<A/> outside a <Router/>"); finished renders do neither.
/// The task is still bounded by `limit` (the request timeout), so a stuck handler cannot
/// outlive it. The task keeps its own current reactive owner ([`OwnOwner`]).
pub async fn run_to_completion(limit: Duration, request: Request, next: Next) -> Response {
    let task = tokio::spawn(OwnOwner::new(async move {
        tokio::time::timeout(limit, next.run(request))
            .await
            .unwrap_or_else(|_| StatusCode::REQUEST_TIMEOUT.into_response())
    }));
    match task.await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "request handler failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A future that sees only its own current reactive owner, as if it ran alone on its thread.
///
/// Leptos keeps the current owner in a thread-local that `Owner::new_root` sets and nothing
/// restores. leptos_axum's render creates its root, awaits the page, and only then writes the
/// page's chunk preload links into the `<head>` of "the current owner": if another render began
/// on the same worker thread in between, the links went into that other page (seen: `/`
/// preloading the accounts' chunk, which a visitor of the start page must not download) and
/// were missing from their own. Around every poll this restores the owner the task left
/// current after its previous poll and puts the thread's owner back afterwards.
struct OwnOwner<F> {
    inner: Pin<Box<F>>,
    owner: Option<Owner>,
}

impl<F: Future> OwnOwner<F> {
    fn new(inner: F) -> Self {
        Self {
            inner: Box::pin(inner),
            owner: None,
        }
    }
}

/// Makes `owner` the thread's current owner (none: no current owner).
fn make_current(owner: Option<Owner>) {
    match owner {
        Some(owner) => owner.set(),
        None => {
            if let Some(current) = Owner::current() {
                current.unset();
            }
        }
    }
}

impl<F: Future> Future for OwnOwner<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let outer = Owner::current();
        make_current(this.owner.take());
        let result = this.inner.as_mut().poll(cx);
        if result.is_pending() {
            this.owner = Owner::current();
        }
        make_current(outer);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "current_thread")]
    async fn a_task_keeps_its_current_owner_while_others_run_on_its_thread() {
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let first = tokio::spawn(OwnOwner::new(async move {
            let mine = Owner::new_root(None);
            rx.await.ok();
            Owner::current() == Some(mine)
        }));
        tokio::task::yield_now().await;
        // Another task sets its own root on the same (only) thread meanwhile.
        let second = tokio::spawn(OwnOwner::new(async move {
            let _other = Owner::new_root(None);
            tx.send(()).ok();
        }));
        second.await.unwrap();
        assert!(
            first.await.unwrap(),
            "the first task saw another task's owner"
        );
    }
}
