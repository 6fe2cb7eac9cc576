//! The Content Security Policy in a real browser: framework scripts run, smuggled ones do not.

// Helpers outside `#[test]` functions panic on set-up failure like the tests that use them.
#![expect(clippy::expect_used)]

/// Serves one HTML page through the real CSP middleware and returns what Chromium made of it.
async fn rendered_by_chromium(page: &'static str) -> String {
    use axum::routing::get as get_route;
    let router = axum::Router::new()
        .route(
            "/",
            get_route(move || async move { axum::response::Html(page) }),
        )
        .layer(axum::middleware::from_fn(
            server::middleware::hash_inline_scripts,
        ))
        .layer(axum::middleware::from_fn(|request, next| {
            server::middleware::security_headers(false, None, request, next)
        }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    let profile =
        std::env::temp_dir().join(format!("bn-csp-{}-{}", std::process::id(), address.port()));
    let url = format!("http://{address}/");
    let user_data = format!("--user-data-dir={}", profile.display());
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("/usr/bin/chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--virtual-time-budget=5000",
                &user_data,
                "--dump-dom",
                &url,
            ])
            .output()
    })
    .await
    .expect("task")
    .expect("Chromium at /usr/bin/chromium (installed by scripts/test)");
    server.abort();
    let _ = std::fs::remove_dir_all(&profile);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test]
async fn a_smuggled_script_is_blocked_by_the_policy_in_chromium() {
    // A framework data chunk (allowed, hashed) and a script smuggled into user text (not).
    let dom = rendered_by_chromium(
        "<!DOCTYPE html><html><head><title>t</title></head><body>\
         <p id=\"beitrag\">Hallo<script>document.body.setAttribute('data-injected','ran')</script></p>\
         <script>__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];</script>\
         </body></html>",
    )
    .await;
    assert!(
        dom.contains("id=\"beitrag\""),
        "Chromium rendered the page: {dom}"
    );
    assert!(
        !dom.contains("data-injected=\"ran\""),
        "the smuggled script ran: {dom}"
    );
}

#[tokio::test]
async fn chromium_runs_the_framework_scripts_the_policy_lists() {
    // The control for the test above: the app's boot script in the head is hashed and runs, so
    // the check above can see a script run. Running, it adds the preload of its `data-preload`
    // URL to the head (the bundle itself is missing here, which does not matter) once the first
    // paint is shown, or 3 s after it runs without one: Chromium's virtual time (5 s) covers both.
    let page = format!(
        "<!DOCTYPE html><html><head><title>t</title>\
         <script type=\"module\" data-js=\"/pkg/app.js\" data-wasm=\"/pkg/app.wasm\" \
         data-scripts=\"\" data-preload=\"/api/probe\">{}</script>\
         </head><body><p id=\"beitrag\">Hallo</p></body></html>",
        app::components::layout::BOOT_JS
    );
    let dom = rendered_by_chromium(Box::leak(page.into_boxed_str())).await;
    assert!(
        dom.contains("href=\"/api/probe\""),
        "the allowed script ran: {dom}"
    );
}
