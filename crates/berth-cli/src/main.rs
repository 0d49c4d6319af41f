//! `berth`: the command-line face of berth-core. Same data directory, same
//! database, same engine as the desktop app; `--json` on every command.
//!
//! Exit codes: 0 success, 1 refused or failed (under `--json` the error is
//! `{"error":{"code","message"}}` on stdout), 2 bad usage (clap's own).

mod doctor;
mod folder;
mod fs;
mod host;
mod image;
mod output;
mod project;
mod session;
mod shell;

use berth_core::{Berth, Result, data_dir};
use clap::{Parser, Subcommand};
use output::Output;
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

    /// Work in this project instead of the current one.
    #[arg(long, global = true, value_name = "P")]
    project: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the data directory, the database and the container engine.
    Doctor,
    /// Manage projects.
    #[command(subcommand)]
    Project(project::ProjectCommand),
    /// Manage storage hosts.
    #[command(subcommand)]
    Host(host::HostCommand),
    /// Manage storage folders.
    #[command(subcommand)]
    Folder(folder::FolderCommand),
    /// Browse folders and copy files in and out.
    #[command(subcommand)]
    Fs(fs::FsCommand),
    /// Run and manage sessions: containers with folders mounted.
    #[command(subcommand)]
    Session(session::SessionCommand),
    /// Manage the engine's local images.
    #[command(subcommand)]
    Image(image::ImageCommand),
}

/// How a command that did not fail ended: the process's exit code.
pub struct Outcome {
    pub code: u8,
}

impl Outcome {
    pub const SUCCESS: Outcome = Outcome { code: 0 };
    pub const FAILURE: Outcome = Outcome { code: 1 };

    pub fn success_if(success: bool) -> Outcome {
        if success {
            Outcome::SUCCESS
        } else {
            Outcome::FAILURE
        }
    }
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
        Ok(Outcome { code }) => ExitCode::from(code),
        Err(error) => {
            output::print_error(&error, cli.json);
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: &Cli) -> Result<Outcome> {
    let berth = Berth::open(&data_dir::from_env(cli.data_dir.as_deref())?)?;
    let out = Output { json: cli.json };
    let project = || match &cli.project {
        Some(name) => berth.project(name),
        None => berth.current_project(),
    };
    match &cli.command {
        Command::Doctor => doctor::run(&berth, cli.json).await,
        Command::Project(command) => project::run(&berth, command, &out),
        Command::Host(command) => host::run(&berth, command, &out),
        Command::Folder(command) => folder::run(&berth, &project()?, command, &out),
        Command::Fs(command) => fs::run(&berth, &project()?, command, &out).await,
        Command::Session(command) => session::run(&berth, &project()?, command, &out).await,
        Command::Image(command) => image::run(command, &out).await,
    }
}
