//! `berth`: the command-line face of berth-core. Same data directory, same
//! database, same engine as the desktop app; `--json` on every command.
//!
//! Exit codes: 0 success, 1 refused or failed (under `--json` the error is
//! `{"error":{"code","message"}}` on stdout), 2 bad usage (clap's own).

mod doctor;
mod output;

use berth_core::{Berth, Result, data_dir};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "berth",
    version,
    about = "Run containers with your folders mounted"
)]
struct Cli {
    /// Data directory (default: $BERTH_DATA_DIR, else ~/.local/share/berth).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Print machine-readable JSON on stdout.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the data directory, the database and the container engine.
    Doctor,
}

/// What a command leaves for `main` to print and exit with.
pub struct Outcome {
    pub success: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("BERTH_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&cli)) {
        Ok(Outcome { success: true }) => ExitCode::SUCCESS,
        Ok(Outcome { success: false }) => ExitCode::FAILURE,
        Err(error) => {
            output::print_error(&error, cli.json);
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: &Cli) -> Result<Outcome> {
    let berth = Berth::open(&data_dir::from_env(cli.data_dir.as_deref())?)?;
    match &cli.command {
        Command::Doctor => doctor::run(&berth, cli.json).await,
    }
}
