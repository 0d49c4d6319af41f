//! Berth's domain logic, shared by the `berth` CLI and the desktop app.
//!
//! Nothing here knows about Tauri: the app and the CLI are thin layers that
//! call [`Berth`] (local state: data directory and database) and
//! [`engine::Engine`] (the Docker connection), and show [`Error`] values by
//! their stable [`Error::code`].

pub mod berth;
pub mod bindings;
pub mod data_dir;
pub mod db;
pub mod engine;
pub mod error;
pub mod projects;
pub mod sessions;
pub mod settings;
pub mod storage;
pub mod terminal;

pub use berth::{AppInfo, Berth};
pub use error::{Error, ErrorPayload, Problem, Result};
