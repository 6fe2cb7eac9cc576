//! Command-line interface: `serve` (default), `migrate`, `seed`.

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::config::ServerConfig;
use crate::{startup, telemetry};

/// Beteiligungsnetz server.
#[derive(Debug, Parser)]
#[command(
    name = "server",
    version,
    about = "Beteiligungsnetz – Webserver und Verwaltungsbefehle"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do; without a sub-command the server starts.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web server (default).
    Serve,
    /// Apply pending database migrations and import the gazetteer, then exit.
    Migrate,
    /// Add clearly marked demo content (idempotent), then exit.
    Seed,
}

/// Runs the chosen command with configuration from the environment.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = ServerConfig::from_environment().context("invalid configuration")?;
    telemetry::init(&config.log_level, config.log_format);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => startup::serve(config).await,
        Command::Migrate => {
            startup::prepare_database(&config).await?;
            tracing::info!("database is up to date");
            Ok(())
        }
        Command::Seed => {
            let db = startup::prepare_database(&config).await?;
            let outcome = app::server::demo_seed::seed_demo_data(&db)
                .await
                .context("seeding demo data failed")?;
            tracing::info!(?outcome, "demo seed finished");
            Ok(())
        }
    }
}
