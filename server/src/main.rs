//! `server`: runs Beteiligungsnetz, applies migrations or seeds demo data.

use clap::Parser;

fn main() -> anyhow::Result<()> {
    let cli = server::cli::Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(server::cli::run(cli))
}
