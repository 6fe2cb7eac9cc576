//! Command-line interface: `serve` (default), `migrate`, `seed`, `bench-seed`, `admin`.

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
    /// Add generated public profiles for benchmarks (idempotent), then exit.
    BenchSeed {
        /// Number of officers.
        #[arg(long, default_value_t = 5000)]
        officers: usize,
        /// Number of municipalities they are spread over.
        #[arg(long, default_value_t = 2000)]
        kommunen: usize,
    },
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

/// `server admin …`
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator and print a one-time link to set the password.
    Create {
        /// E-mail address of the new administrator.
        #[arg(long)]
        email: String,
        /// Display name (default: the part before the @).
        #[arg(long)]
        name: Option<String>,
    },
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
        Command::BenchSeed { officers, kommunen } => {
            let db = startup::prepare_database(&config).await?;
            let added = app::server::bench_seed::seed(&db, officers, kommunen)
                .await
                .context("generating benchmark data failed")?;
            tracing::info!(added, kommunen, "benchmark data ready");
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::Create { email, name },
        } => {
            let db = startup::prepare_database(&config).await?;
            let settings = config.runtime_settings();
            let link = app::server::accounts::admin_bootstrap::create_admin(
                &db,
                &settings,
                &email,
                name.as_deref(),
            )
            .await
            .map_err(|error| anyhow::anyhow!("{error}"))?;
            println!(
                "Administrator {email} angelegt. Passwort festlegen (Link 7 Tage gültig, einmalig):\n{link}"
            );
            Ok(())
        }
    }
}
