//! `server`: runs Beteiligungsnetz, applies migrations or seeds demo data.

use clap::Parser;

/// mimalloc instead of glibc's allocator: page rendering allocates many small, short-lived
/// strings, and glibc spent about a quarter of the CPU time of a map-page render in
/// malloc/free (measured with perf; see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let cli = server::cli::Cli::parse();
    // Rendering a large page builds its view on the stack; 8 MiB per worker leaves room for
    // the biggest pages also in debug builds (the default is 2 MiB).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(8 * 1024 * 1024)
        .build()?;
    runtime.block_on(server::cli::run(cli))
}
