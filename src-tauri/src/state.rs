//! What the app keeps between commands.

use crate::commands::test_hooks::TestHooks;
use berth_core::sessions::Session;
use berth_core::{Berth, ErrorPayload, data_dir};
use std::sync::Arc;

/// The app's state: the opened data directory, or why it could not be
/// opened. Keeping the error lets the window open and show it instead of
/// the process exiting before the user sees anything.
pub struct AppState {
    // Shared, because a session's launch and the engine watcher outlive the
    // command that started them.
    berth: Result<Arc<Berth>, ErrorPayload>,
    pub test_hooks: TestHooks,
}

impl AppState {
    /// Opens the data directory named by `$BERTH_DATA_DIR` or XDG.
    pub fn open() -> Self {
        let berth = data_dir::from_env(None)
            .and_then(|dir| Berth::open(&dir))
            .map(Arc::new)
            .map_err(|e| {
                tracing::error!(code = e.code(), "cannot open the data directory: {e}");
                e.payload()
            });
        AppState {
            berth,
            test_hooks: TestHooks::from_env(),
        }
    }

    /// The local state, or the error that kept it from opening.
    pub fn berth(&self) -> Result<&Arc<Berth>, ErrorPayload> {
        self.berth.as_ref().map_err(Clone::clone)
    }

    /// The session `id` (or name) of the current project.
    pub fn session(&self, id: &str) -> Result<Session, ErrorPayload> {
        let berth = self.berth()?;
        let project = berth.current_project().map_err(|e| e.payload())?;
        berth.session(&project, id).map_err(|e| e.payload())
    }
}
