//! A client that goes away in the middle of a page render: the render finishes quietly instead
//! of leaving Leptos tasks to run against a dropped page (which log errors and panic).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::support::*;

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// Log output of the test process.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut buffer) = self.0.lock() {
            buffer.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renders_abandoned_by_the_client_finish_without_errors() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        report(info);
    }));
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::ERROR)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let (app, _) = test_app().await;
    // Signed in, so every request is rendered (never answered from the page cache).
    let member = sign_in(&app, MEMBER).await;
    let complete = send(&app, get("/karte", Some(&member))).await;
    assert!(complete.body.contains("Lea Leipzig"));

    let mut clients = Vec::new();
    for round in 0..80u64 {
        let app = app.clone();
        let member = member.clone();
        clients.push(tokio::spawn(async move {
            // Gives up after 0–8 ms: at every stage of the render.
            let patience = Duration::from_micros(100 * (round % 80));
            let path = format!("/karte?seite={}", round % 2 + 1);
            let _ = tokio::time::timeout(patience, send(&app, get(&path, Some(&member)))).await;
        }));
    }
    for client in clients {
        client.await.expect("client task");
    }
    // Time for the abandoned renders to finish.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let log = String::from_utf8_lossy(&captured.0.lock().expect("log").clone()).into_owned();
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "no panics; log: {log}");
    assert!(log.is_empty(), "no errors logged: {log}");
    let after = send(&app, get("/karte", Some(&member))).await;
    assert_eq!(after.status, http::StatusCode::OK);
    assert!(
        after.body.contains("Lea Leipzig"),
        "the server serves on as before"
    );
}
