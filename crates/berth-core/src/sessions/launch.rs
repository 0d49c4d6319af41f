//! From what the user asked (a spec and picked folders) to a validated spec
//! and a mount plan, with every problem reported at once. The launcher
//! dialog calls [`Berth::check_launch`] as the user types; creating a
//! session runs the same check.

use super::mount_plan::{Access, AutomountFolder, PlannedMount, SelectedFolder, plan_mounts};
use super::spec::{EngineLimits, SessionSpec, ValidSpec, validate};
use crate::projects::Project;
use crate::storage::folders::{Folder, FolderStatus};
use crate::{Berth, Problem, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A folder picked for a session, as the launcher or `--mount` gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct MountRequest {
    pub folder: String,
    /// Path and alias: empty for `/home/work/<folder>`, absolute as is,
    /// relative under `/home/work`.
    #[serde(default)]
    pub alias: String,
    #[serde(default)]
    pub read_only: bool,
}

/// Everything asked for a new session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LaunchRequest {
    pub spec: SessionSpec,
    #[serde(default)]
    pub mounts: Vec<MountRequest>,
}

/// The outcome of checking a [`LaunchRequest`]: the name the session would
/// get, the final mounts (automount folders included), and the problems.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LaunchCheck {
    pub name: String,
    pub mounts: Vec<PlannedMount>,
    pub problems: Vec<Problem>,
}

/// A launch request that passed every check.
#[derive(Debug, Clone)]
pub(crate) struct ApprovedLaunch {
    pub spec: ValidSpec,
    pub mounts: Vec<PlannedMount>,
}

impl Berth {
    /// Checks `request` for `project` against the engine's `limits`, without
    /// creating anything.
    pub fn check_launch(
        &self,
        project: &Project,
        request: &LaunchRequest,
        limits: &EngineLimits,
    ) -> Result<LaunchCheck> {
        Ok(match self.approve_launch(project, request, limits)? {
            Ok(approved) => LaunchCheck {
                name: approved.spec.name().to_owned(),
                mounts: approved.mounts,
                problems: Vec::new(),
            },
            Err(problems) => LaunchCheck {
                name: request.spec.name.clone().unwrap_or_default(),
                mounts: Vec::new(),
                problems,
            },
        })
    }

    /// Validates the spec and plans the mounts; `Ok(Err(..))` lists every
    /// problem found.
    pub(crate) fn approve_launch(
        &self,
        project: &Project,
        request: &LaunchRequest,
        limits: &EngineLimits,
    ) -> Result<Result<ApprovedLaunch, Vec<Problem>>> {
        let mut problems = Vec::new();
        let spec = match validate(&request.spec, limits) {
            Ok(spec) => Some(spec),
            Err(errors) => {
                problems.extend(errors.into_iter().map(|e| Problem {
                    code: e.code(),
                    message: e.message().to_owned(),
                    folders: Vec::new(),
                }));
                None
            }
        };

        let visible = self.mount_candidates(project)?;
        let selected: Vec<SelectedFolder> = request
            .mounts
            .iter()
            .map(|m| {
                let access = if m.read_only {
                    Access::ReadOnly
                } else {
                    Access::Default
                };
                match visible.iter().find(|f| f.name == m.folder) {
                    Some(folder) => SelectedFolder::new(folder, &project.name, &m.alias, access),
                    None => SelectedFolder::missing(&m.folder, &m.alias, access),
                }
            })
            .collect();
        let automount = AutomountFolder::visible_in(&visible, &project.name);
        let mounts = match plan_mounts(&selected, &automount) {
            Ok(mounts) => Some(mounts),
            Err(errors) => {
                problems.extend(errors.into_iter().map(|e| Problem {
                    code: e.code(),
                    message: e.message().to_owned(),
                    folders: e.folders().iter().map(|f| f.name.clone()).collect(),
                }));
                None
            }
        };

        Ok(match (spec, mounts) {
            (Some(spec), Some(mounts)) if problems.is_empty() => {
                Ok(ApprovedLaunch { spec, mounts })
            }
            _ => Err(problems),
        })
    }

    /// Folders a session of `project` may name: every folder it sees, ready
    /// or trashed (so a trashed pick is reported as such, not as missing).
    fn mount_candidates(&self, project: &Project) -> Result<Vec<Folder>> {
        let mut folders = self.list_folders(project, FolderStatus::Ready)?;
        folders.extend(self.list_folders(project, FolderStatus::Trashed)?);
        Ok(folders)
    }
}
