//! Start-up: database preparation, state assembly, serving with graceful shutdown.

use std::sync::Arc;

use anyhow::Context;
use app::server::AppState;
use leptos::config::{Env, LeptosOptions};
use sea_orm::DatabaseConnection;

use crate::config::ServerConfig;
use crate::router::build_router;

/// Name of the compiled assets (`pkg/beteiligungsnetz.*`), as set in the workspace manifest.
pub const OUTPUT_NAME: &str = "beteiligungsnetz";

/// Connects, migrates and imports the gazetteer on first start.
pub async fn prepare_database(config: &ServerConfig) -> anyhow::Result<DatabaseConnection> {
    tracing::info!(
        database = %domain::platform::database::redact(&config.database_url),
        "connecting to database"
    );
    let db = domain::platform::database::connect_and_migrate(&config.database_url)
        .await
        .context("database connection or migration failed")?;
    let imported = domain::kommunen::gazetteer::import_if_empty(&db)
        .await
        .context("importing the municipality gazetteer failed")?;
    if imported > 0 {
        tracing::info!(imported, "municipality gazetteer imported");
    }
    Ok(db)
}

/// Leptos options for this configuration. Hashed asset names are used when cargo-leptos left
/// its `hash.txt` beside the executable (release builds).
pub fn leptos_options(config: &ServerConfig) -> LeptosOptions {
    let hash_files = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|path| path.exists());
    LeptosOptions::builder()
        .output_name(OUTPUT_NAME)
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .env(Env::PROD)
        .site_addr(config.bind_address)
        .hash_files(hash_files)
        .build()
}

/// Assembles the state from a prepared database.
pub fn app_state(config: &ServerConfig, db: DatabaseConnection) -> AppState {
    let live = domain::board::live::LiveHub::new(db.get_database_backend());
    AppState {
        leptos_options: leptos_options(config),
        db,
        operator: Arc::new(config.operator.clone()),
        settings: Arc::new(config.runtime_settings()),
        directory: Default::default(),
        board_index: domain::board::listing::IndexCache::new(config.board_cache_entries),
        live,
    }
}

/// On PostgreSQL, one listener per instance brings every instance's board events to this
/// instance's readers (on SQLite, a single instance, they go round in-process).
pub fn spawn_live_listener(config: &ServerConfig, state: &AppState) {
    if config.database_url.starts_with("postgres") {
        tokio::spawn(domain::board::live::listen(
            config.database_url.clone(),
            state.live.clone(),
        ));
    }
}

/// Runs the server until SIGINT/SIGTERM, then lets in-flight requests finish.
pub async fn serve(config: ServerConfig) -> anyhow::Result<()> {
    let db = prepare_database(&config).await?;
    let state = app_state(&config, db.clone());
    if let Some(smtp_url) = &config.smtp_url {
        let sender = domain::platform::mail::worker::SmtpSender::new(smtp_url, &config.mail_from)
            .map_err(|error| anyhow::anyhow!(error))?;
        tokio::spawn(domain::platform::mail::worker::run(db.clone(), sender));
        tracing::info!("e-mail: sending over SMTP");
    } else {
        tracing::info!("e-mail: no SMTP_URL, messages are kept in the outbox (/admin/postausgang)");
    }
    tokio::spawn(domain::maintenance::run(
        db.clone(),
        (*state.settings).clone(),
    ));
    tokio::spawn(domain::forums::jobs::run(
        db.clone(),
        (*state.settings).clone(),
    ));
    tokio::spawn(domain::board::jobs::run(
        db.clone(),
        (*state.settings).clone(),
    ));
    spawn_live_listener(&config, &state);
    let router = build_router(state, &config);
    let listener = tokio::net::TcpListener::bind(config.bind_address)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind_address))?;
    tracing::info!(address = %config.bind_address, public_url = %config.public_url, "listening");
    // TCP_NODELAY: a response written in two pieces (headers, then a file's body) must not
    // wait for the client's delayed acknowledgement (40 ms per static file without it).
    let listener = axum::serve::ListenerExt::tap_io(listener, |stream| {
        if let Err(error) = stream.set_nodelay(true) {
            tracing::warn!(%error, "cannot set TCP_NODELAY");
        }
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("server error")?;
    db.close().await.context("closing the database pool")?;
    tracing::info!("shut down cleanly");
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received");
}
