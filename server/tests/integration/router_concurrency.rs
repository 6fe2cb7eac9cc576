//! Several routers in one process, built and serving at the same time, never stall each
//! other's page renders (regression: route-list generation overlapping renders hung them
//! until the request timeout answered 408).

use crate::support::*;
use http::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn routers_built_while_others_serve_answer_every_request() {
    let mut tasks = Vec::new();
    for _ in 0..6 {
        tasks.push(tokio::spawn(async move {
            let (app, _) = test_app().await;
            let mut statuses = Vec::new();
            for path in ["/", "/?q=Leipzig", "/foren", "/", "/impressum", "/"] {
                statuses.push((path, send(&app, get(path, None)).await.status));
            }
            statuses
        }));
    }
    for task in tasks {
        for (path, status) in task.await.expect("task") {
            assert_eq!(status, StatusCode::OK, "{path}");
        }
    }
}
