//! Command-line interface: `serve` (default), `migrate`, `seed`, `bench-seed`, `jobs`, `admin`.

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
    /// Add clearly marked demo content (idempotent), then exit. Refused when `PUBLIC_URL` is
    /// `https://` (a production site), unless `--force-demo` is given: demo accounts have a
    /// published password.
    Seed {
        /// Seed demo accounts even though the site is served over HTTPS.
        #[arg(long)]
        force_demo: bool,
    },
    /// Add generated public profiles for benchmarks (idempotent), then exit.
    BenchSeed {
        /// Number of officers.
        #[arg(long, default_value_t = 5000)]
        officers: usize,
        /// Number of municipalities they are spread over.
        #[arg(long, default_value_t = 2000)]
        kommunen: usize,
        /// Generated board threads (0: none), written by the generated officers.
        #[arg(long, default_value_t = 0)]
        board_threads: usize,
        /// Generated replies in all, spread over the threads (the first gets 100).
        #[arg(long, default_value_t = 0)]
        board_posts: usize,
    },
    /// Run a periodic job once, then exit. The server runs them by itself; this is for
    /// operators (and lets the end-to-end tests see what a job does at a later time).
    Jobs {
        #[command(subcommand)]
        job: JobCommand,
    },
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

/// `server jobs …`
#[derive(Debug, Subcommand)]
pub enum JobCommand {
    /// Delete what is past its retention (sessions, tokens, old requests, outbox, …).
    Cleanup,
    /// Reminders before working meetings and announcements of cohorts opening now.
    Forums,
    /// End expired seat offers and offer free seats to the waitlists.
    Waitlist {
        /// The time the job takes as now (RFC 3339, e.g. 2027-03-01T12:00:00Z).
        #[arg(long)]
        at: Option<chrono::DateTime<chrono::Utc>>,
        /// Only the cohorts of the forum with this address (slug).
        #[arg(long)]
        forum: Option<String>,
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
        Command::Seed { force_demo } => {
            check_demo_allowed(&config, force_demo)?;
            let db = startup::prepare_database(&config).await?;
            let outcome = domain::demo_seed::seed_demo_data(&db)
                .await
                .context("seeding demo data failed")?;
            tracing::info!(?outcome, "demo seed finished");
            Ok(())
        }
        Command::BenchSeed {
            officers,
            kommunen,
            board_threads,
            board_posts,
        } => {
            let db = startup::prepare_database(&config).await?;
            let added = domain::bench_seed::seed(&db, officers, kommunen)
                .await
                .context("generating benchmark data failed")?;
            let threads = domain::bench_seed::seed_board(&db, board_threads, board_posts)
                .await
                .context("generating board benchmark data failed")?;
            tracing::info!(added, kommunen, threads, "benchmark data ready");
            Ok(())
        }
        Command::Jobs { job } => {
            let db = startup::prepare_database(&config).await?;
            let settings = config.runtime_settings();
            match job {
                JobCommand::Cleanup => {
                    let report =
                        domain::maintenance::clean_up_with(&db, chrono::Utc::now(), &settings)
                            .await
                            .context("clean-up failed")?;
                    tracing::info!(?report, "clean-up finished");
                }
                JobCommand::Forums => {
                    let report = domain::forums::jobs::run_once(&db, &settings, chrono::Utc::now())
                        .await
                        .map_err(|error| anyhow::anyhow!("forum job failed: {error}"))?;
                    tracing::info!(?report, "forum job finished");
                }
                JobCommand::Waitlist { at, forum } => {
                    let forum_id = match forum {
                        Some(slug) => Some(
                            domain::forums::catalogue::forum_id_by_slug(&db, &slug)
                                .await
                                .map_err(|error| anyhow::anyhow!("forum {slug}: {error}"))?,
                        ),
                        None => None,
                    };
                    let now = at.unwrap_or_else(chrono::Utc::now);
                    let (expired, offered) = domain::forums::applications::seats::run_once_for(
                        &db, &settings, now, forum_id,
                    )
                    .await
                    .map_err(|error| anyhow::anyhow!("waitlist job failed: {error}"))?;
                    tracing::info!(expired, offered, %now, "waitlist job finished");
                }
            }
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::Create { email, name },
        } => {
            let db = startup::prepare_database(&config).await?;
            let settings = config.runtime_settings();
            let link = domain::accounts::admin_bootstrap::create_admin(
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

/// Demo accounts share a published password: never on a production site by accident.
pub fn check_demo_allowed(config: &ServerConfig, force_demo: bool) -> anyhow::Result<()> {
    if config.is_https() && !force_demo {
        anyhow::bail!(
            "PUBLIC_URL is {} (https): refusing to add demo accounts with a published password \
             to what looks like a production site. Pass --force-demo if this is really a demo.",
            config.public_url
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(public_url: &str) -> ServerConfig {
        let public_url = public_url.to_owned();
        ServerConfig::from_lookup(|name| (name == "PUBLIC_URL").then(|| public_url.clone()))
            .expect("config")
    }

    #[test]
    fn demo_seed_is_refused_on_https_sites_unless_forced() {
        assert!(check_demo_allowed(&config("https://beteiligung.example"), false).is_err());
        assert!(check_demo_allowed(&config("https://beteiligung.example"), true).is_ok());
        assert!(check_demo_allowed(&config("http://127.0.0.1:3000"), false).is_ok());
    }
}
