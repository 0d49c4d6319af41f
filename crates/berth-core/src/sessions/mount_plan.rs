//! Mount planning (DESIGN §4 "Mount planning"): from the folders a user
//! selected for a session, and the automount folders of the project, to the
//! final list of bind mounts — or to every reason the selection cannot be
//! mounted, all at once, so a form can show them together.
//!
//! Pure: no database, no file system, no engine. The caller resolves each
//! folder's status and visibility into a [`Mountability`] first.
//!
//! Decisions beyond DESIGN:
//! - A selected folder that is also an automount folder is mounted once,
//!   where the selection says (its alias and access apply); without an alias
//!   it lands where it would have been mounted automatically.
//! - A clash with an automount folder's target, equal or nested either way,
//!   is `alias_automount_conflict`; `alias_nested` is for two selected
//!   folders.
//! - `/home/work` is the session's own (scratch) mount, so mounts may sit
//!   inside it but neither replace it nor contain it: `/home` is refused like
//!   `/`.
//! - The reserved dot-files of the home directory are refused together with
//!   everything under them, as a mount there would turn them into
//!   directories.
//! - The same folder may be selected twice at different targets.

use crate::storage::names::is_automount;
use crate::storage::{Folder, FolderStatus, FolderType, Permission};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// The session's home directory, where folders mount by default.
pub const HOME_WORK: &str = "/home/work";

/// Homebrew's prefix, where the `.linuxbrew` automount folder goes.
pub const LINUXBREW_TARGET: &str = "/home/linuxbrew/.linuxbrew";

/// System directories that no mount may replace or sit inside.
const SYSTEM_DIRS: &[&str] = &[
    "/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/root", "/run", "/sbin", "/sys",
    "/usr", "/var", "/tmp",
];

/// Files and directories of the home directory that tools rely on.
const HOME_DOTFILES: &[&str] = &[".ssh", ".terminfo", ".jupyter", ".tmux.conf"];

/// Linux's `PATH_MAX` less the terminating NUL, and `NAME_MAX`.
const MAX_TARGET_LEN: usize = 4095;
const MAX_COMPONENT_LEN: usize = 255;

/// How the user asked a folder to be mounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// As the folder's permission allows: read-write for `rw`, read-only for
    /// `ro`.
    #[default]
    Default,
    /// Read-only, whatever the folder's permission.
    ReadOnly,
    /// Read-write, explicitly; refused for `ro` folders.
    ReadWrite,
}

/// Whether a folder can be mounted in the current project, or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Mountability {
    Mountable,
    /// In the trash.
    Trashed,
    /// A project folder of another project.
    OtherProject,
    /// No such folder (never existed, or purged).
    Missing,
}

impl Mountability {
    /// Resolves a folder's status and visibility from `project`, the name of
    /// the project the session runs in.
    pub fn of(folder: &Folder, project: &str) -> Self {
        if folder.folder_type == FolderType::Project && folder.project.as_deref() != Some(project) {
            Mountability::OtherProject
        } else if folder.status == FolderStatus::Trashed {
            Mountability::Trashed
        } else {
            Mountability::Mountable
        }
    }

    fn is_mountable(self) -> bool {
        self == Mountability::Mountable
    }

    /// Why not, completing "folder "x" …".
    fn reason(self) -> Option<&'static str> {
        match self {
            Mountability::Mountable => None,
            Mountability::Trashed => Some("is in the trash"),
            Mountability::OtherProject => Some("belongs to another project"),
            Mountability::Missing => Some("does not exist"),
        }
    }
}

/// A folder the user ticked for a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectedFolder {
    /// Empty when the folder is [`Mountability::Missing`] and only its name
    /// is known.
    pub folder_id: String,
    pub folder_name: String,
    pub permission: Permission,
    pub mountability: Mountability,
    /// Path and alias as typed: empty for the default target, absolute, or
    /// relative to `/home/work`.
    pub alias: String,
    pub access: Access,
}

impl SelectedFolder {
    /// A selection of `folder` as seen from `project`.
    pub fn new(folder: &Folder, project: &str, alias: &str, access: Access) -> Self {
        SelectedFolder {
            folder_id: folder.id.clone(),
            folder_name: folder.name.clone(),
            permission: folder.permission,
            mountability: Mountability::of(folder, project),
            alias: alias.to_owned(),
            access,
        }
    }

    /// A selection of a folder that could not be found.
    pub fn missing(folder_name: &str, alias: &str, access: Access) -> Self {
        SelectedFolder {
            folder_id: String::new(),
            folder_name: folder_name.to_owned(),
            permission: Permission::Rw,
            mountability: Mountability::Missing,
            alias: alias.to_owned(),
            access,
        }
    }
}

/// A folder mounted into every session of the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutomountFolder {
    pub folder_id: String,
    pub folder_name: String,
    pub permission: Permission,
}

impl AutomountFolder {
    /// The automount folders among `folders` that a session in `project`
    /// gets: ready, visible from the project, named with a leading `.`.
    pub fn visible_in(folders: &[Folder], project: &str) -> Vec<AutomountFolder> {
        folders
            .iter()
            .filter(|f| is_automount(&f.name) && Mountability::of(f, project).is_mountable())
            .map(|f| AutomountFolder {
                folder_id: f.id.clone(),
                folder_name: f.name.clone(),
                permission: f.permission,
            })
            .collect()
    }
}

/// One bind mount of the final plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlannedMount {
    pub folder_id: String,
    pub folder_name: String,
    /// Absolute, normalised path inside the container.
    pub target: String,
    pub read_only: bool,
    /// Added because the folder is an automount folder, not because it was
    /// selected.
    pub automount: bool,
}

/// The stable code of a [`MountError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MountErrorCode {
    /// Characters outside `[a-zA-Z0-9_/.-]`, a `.` or `..` component, or too
    /// long.
    AliasInvalid,
    /// The target is `/`, `/home`, `/home/work`, a system directory, a
    /// reserved home file, or inside one of these.
    AliasReserved,
    /// Two selected mounts share a target.
    AliasDuplicate,
    /// One selected mount would sit inside another.
    AliasNested,
    /// A selected mount takes, contains, or sits inside an automount
    /// folder's target.
    AliasAutomountConflict,
    /// Read-write asked of a read-only folder.
    FolderReadOnly,
    /// The folder is trashed, of another project, or missing.
    FolderNotMountable,
}

impl MountErrorCode {
    /// The code as text, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            MountErrorCode::AliasInvalid => "alias_invalid",
            MountErrorCode::AliasReserved => "alias_reserved",
            MountErrorCode::AliasDuplicate => "alias_duplicate",
            MountErrorCode::AliasNested => "alias_nested",
            MountErrorCode::AliasAutomountConflict => "alias_automount_conflict",
            MountErrorCode::FolderReadOnly => "folder_read_only",
            MountErrorCode::FolderNotMountable => "folder_not_mountable",
        }
    }
}

/// A folder named by an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MountErrorFolder {
    /// Empty for a missing folder.
    pub id: String,
    pub name: String,
}

/// Why a selection cannot be mounted. Serialised as
/// `{code, message, folders, target?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MountError {
    code: MountErrorCode,
    message: String,
    /// Every folder involved; two for conflicts.
    folders: Vec<MountErrorFolder>,
    /// The path in question, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    target: Option<String>,
}

impl MountError {
    /// The stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        self.code.as_str()
    }

    /// The code as a value to match on.
    pub fn kind(&self) -> MountErrorCode {
        self.code
    }

    /// What is wrong, naming the folders and paths, for a person.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The folders involved, in the order the message names them.
    pub fn folders(&self) -> &[MountErrorFolder] {
        &self.folders
    }

    /// The target path in question, if any.
    pub fn target(&self) -> Option<&str> {
        self.target.as_deref()
    }
}

impl fmt::Display for MountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MountError {}

/// Where a folder mounts when no alias is given.
pub fn default_target(folder_name: &str) -> String {
    if folder_name == ".linuxbrew" {
        LINUXBREW_TARGET.to_owned()
    } else {
        format!("{HOME_WORK}/{folder_name}")
    }
}

/// A mount about to be planned, with who asked for it.
struct Candidate<'a> {
    folder_id: &'a str,
    folder_name: &'a str,
    target: String,
    read_only: bool,
    automount: bool,
}

impl Candidate<'_> {
    fn folder(&self) -> MountErrorFolder {
        MountErrorFolder {
            id: self.folder_id.to_owned(),
            name: self.folder_name.to_owned(),
        }
    }

    /// How the message names it: `folder "a" at /home/work/a`.
    fn describe(&self) -> String {
        let kind = if self.automount {
            "automount folder"
        } else {
            "folder"
        };
        format!("{kind} {:?} at {}", self.folder_name, self.target)
    }
}

/// Plans the mounts of a session: the `selected` folders where their aliases
/// say, plus every `automount` folder not selected explicitly. Returns the
/// mounts ordered by target, or every error found.
pub fn plan_mounts(
    selected: &[SelectedFolder],
    automount: &[AutomountFolder],
) -> Result<Vec<PlannedMount>, Vec<MountError>> {
    let mut errors = Vec::new();
    let mut candidates = Vec::new();

    for sel in selected {
        let folder = || MountErrorFolder {
            id: sel.folder_id.clone(),
            name: sel.folder_name.clone(),
        };
        if let Some(reason) = sel.mountability.reason() {
            errors.push(MountError {
                code: MountErrorCode::FolderNotMountable,
                message: format!("folder {:?} {reason}", sel.folder_name),
                folders: vec![folder()],
                target: None,
            });
        }
        let read_only = match (sel.permission, sel.access) {
            (Permission::Ro, Access::ReadWrite) => {
                errors.push(MountError {
                    code: MountErrorCode::FolderReadOnly,
                    message: format!(
                        "folder {:?} is read-only; it cannot be mounted read-write",
                        sel.folder_name
                    ),
                    folders: vec![folder()],
                    target: None,
                });
                true
            }
            (Permission::Ro, _) | (Permission::Rw, Access::ReadOnly) => true,
            (Permission::Rw, _) => false,
        };
        let target = if sel.alias.is_empty() {
            resolve_target(&default_target(&sel.folder_name))
        } else {
            resolve_target(&sel.alias)
        };
        let target = match target {
            Ok(target) => target,
            Err(reason) => {
                let message = if sel.alias.is_empty() {
                    format!(
                        "folder {:?} cannot be mounted under its own name: {reason}",
                        sel.folder_name
                    )
                } else {
                    format!(
                        "folder {:?}: the path {:?} is invalid: {reason}",
                        sel.folder_name, sel.alias
                    )
                };
                errors.push(MountError {
                    code: MountErrorCode::AliasInvalid,
                    message,
                    folders: vec![folder()],
                    target: None,
                });
                continue;
            }
        };
        if let Some(reason) = reserved_reason(&target) {
            errors.push(MountError {
                code: MountErrorCode::AliasReserved,
                message: format!(
                    "folder {:?} cannot be mounted at {target}: {reason}",
                    sel.folder_name
                ),
                folders: vec![folder()],
                target: Some(target),
            });
            continue;
        }
        // A folder that cannot be mounted takes no part in conflicts: the
        // fix is to untick it, which makes them moot.
        if sel.mountability.is_mountable() {
            candidates.push(Candidate {
                folder_id: &sel.folder_id,
                folder_name: &sel.folder_name,
                target,
                read_only,
                automount: false,
            });
        }
    }

    for auto in automount {
        let explicitly_selected = selected
            .iter()
            .any(|s| s.mountability.is_mountable() && s.folder_id == auto.folder_id);
        if explicitly_selected {
            continue;
        }
        // Automount targets come from folder names, which the storage rules
        // already keep away from reserved paths; checked all the same.
        let target = resolve_target(&default_target(&auto.folder_name))
            .ok()
            .filter(|t| reserved_reason(t).is_none());
        let Some(target) = target else {
            errors.push(MountError {
                code: MountErrorCode::AliasReserved,
                message: format!(
                    "automount folder {:?} cannot be mounted at {}; rename it",
                    auto.folder_name,
                    default_target(&auto.folder_name)
                ),
                folders: vec![MountErrorFolder {
                    id: auto.folder_id.clone(),
                    name: auto.folder_name.clone(),
                }],
                target: None,
            });
            continue;
        };
        candidates.push(Candidate {
            folder_id: &auto.folder_id,
            folder_name: &auto.folder_name,
            target,
            read_only: auto.permission == Permission::Ro,
            automount: true,
        });
    }

    // Every pair is compared, in target order, so conflicts are reported
    // the same way whatever the order of the selection.
    candidates.sort_by(|a, b| {
        (&a.target, a.automount, a.folder_id).cmp(&(&b.target, b.automount, b.folder_id))
    });
    for (i, a) in candidates.iter().enumerate() {
        for b in &candidates[i + 1..] {
            if let Some(error) = conflict(a, b) {
                errors.push(error);
            }
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(candidates
        .into_iter()
        .map(|c| PlannedMount {
            folder_id: c.folder_id.to_owned(),
            folder_name: c.folder_name.to_owned(),
            target: c.target,
            read_only: c.read_only,
            automount: c.automount,
        })
        .collect())
}

/// The error for two mounts whose targets clash, `a` sorting first.
fn conflict(a: &Candidate<'_>, b: &Candidate<'_>) -> Option<MountError> {
    let same = a.target == b.target;
    if !same && !is_inside(&b.target, &a.target) {
        return None;
    }
    let (code, message, folders, target) = if a.automount || b.automount {
        // Name the selected folder first: it is the one the user can move.
        let (selected, auto) = if a.automount { (b, a) } else { (a, b) };
        let relation = if same {
            "takes the place of"
        } else if selected.target.len() > auto.target.len() {
            "would be inside"
        } else {
            "would contain"
        };
        (
            MountErrorCode::AliasAutomountConflict,
            format!("{} {relation} {}", selected.describe(), auto.describe()),
            vec![selected.folder(), auto.folder()],
            selected.target.clone(),
        )
    } else if same {
        let message = if a.folder_id == b.folder_id && a.folder_name == b.folder_name {
            format!(
                "folder {:?} is mounted twice at {}",
                a.folder_name, a.target
            )
        } else {
            format!(
                "folders {:?} and {:?} are both mounted at {}",
                a.folder_name, b.folder_name, a.target
            )
        };
        (
            MountErrorCode::AliasDuplicate,
            message,
            vec![a.folder(), b.folder()],
            a.target.clone(),
        )
    } else {
        (
            MountErrorCode::AliasNested,
            format!("{} would be inside {}", b.describe(), a.describe()),
            vec![a.folder(), b.folder()],
            b.target.clone(),
        )
    };
    Some(MountError {
        code,
        message,
        folders,
        target: Some(target),
    })
}

/// Whether `path` is strictly inside `dir`; both normalised.
fn is_inside(path: &str, dir: &str) -> bool {
    path.strip_prefix(dir)
        .is_some_and(|rest| rest.starts_with('/') || dir == "/" && !rest.is_empty())
}

/// `path` itself or anything inside it.
fn is_at_or_inside(path: &str, dir: &str) -> bool {
    path == dir || is_inside(path, dir)
}

/// The absolute, normalised target of an alias, or why it is invalid.
fn resolve_target(alias: &str) -> Result<String, String> {
    if let Some(bad) = alias
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '/' | '.' | '-')))
    {
        return Err(format!(
            "{bad:?} is not allowed; use letters, digits, '_', '/', '.' and '-'"
        ));
    }
    let mut target = if alias.starts_with('/') {
        String::new()
    } else {
        HOME_WORK.to_owned()
    };
    for component in alias.split('/').filter(|c| !c.is_empty()) {
        if component == "." || component == ".." {
            return Err(format!("{component:?} is not allowed as a path component"));
        }
        if component.len() > MAX_COMPONENT_LEN {
            return Err(format!(
                "a path component is longer than {MAX_COMPONENT_LEN} characters"
            ));
        }
        target.push('/');
        target.push_str(component);
    }
    if target.is_empty() {
        target.push('/');
    }
    if target.len() > MAX_TARGET_LEN {
        return Err(format!("longer than {MAX_TARGET_LEN} characters"));
    }
    Ok(target)
}

/// Why a normalised target is refused, if it is.
fn reserved_reason(target: &str) -> Option<String> {
    if target == "/" {
        return Some("it is the container's root".to_owned());
    }
    if target == HOME_WORK {
        return Some(format!(
            "{HOME_WORK} is the session's home directory; mount folders inside it"
        ));
    }
    if is_inside(HOME_WORK, target) {
        return Some(format!(
            "it would hide the session's home directory {HOME_WORK}"
        ));
    }
    if let Some(dir) = SYSTEM_DIRS.iter().find(|d| is_at_or_inside(target, d)) {
        return Some(format!("{dir} is a system directory"));
    }
    let in_home = target.strip_prefix(HOME_WORK)?.strip_prefix('/')?;
    let first = in_home.split('/').next().unwrap_or(in_home);
    if HOME_DOTFILES.contains(&first) || is_shell_file(first) {
        return Some(format!(
            "{HOME_WORK}/{first} is kept for the shell's and tools' own files"
        ));
    }
    None
}

/// `.<x>rc` and `.<x>_profile`, `x` lowercase letters and digits.
fn is_shell_file(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let lower_alnum = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    rest.strip_suffix("rc").is_some_and(lower_alnum)
        || rest.strip_suffix("_profile").is_some_and(lower_alnum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(name: &str, alias: &str) -> SelectedFolder {
        SelectedFolder {
            folder_id: format!("id-{name}"),
            folder_name: name.to_owned(),
            permission: Permission::Rw,
            mountability: Mountability::Mountable,
            alias: alias.to_owned(),
            access: Access::Default,
        }
    }

    fn auto(name: &str) -> AutomountFolder {
        AutomountFolder {
            folder_id: format!("id-{name}"),
            folder_name: name.to_owned(),
            permission: Permission::Rw,
        }
    }

    fn targets(plan: &[PlannedMount]) -> Vec<(&str, &str)> {
        plan.iter()
            .map(|m| (m.folder_name.as_str(), m.target.as_str()))
            .collect()
    }

    fn codes(errors: &[MountError]) -> Vec<&'static str> {
        errors.iter().map(MountError::code).collect()
    }

    fn only_error(selected: &[SelectedFolder], automount: &[AutomountFolder]) -> MountError {
        let errors = plan_mounts(selected, automount).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        errors.into_iter().next().unwrap()
    }

    fn folder_names(error: &MountError) -> Vec<&str> {
        error.folders().iter().map(|f| f.name.as_str()).collect()
    }

    #[test]
    fn the_seed_example_mounts_both_folders_under_home_work() {
        let plan = plan_mounts(&[sel("user2-vfolder", ""), sel("user1-ml-test", "")], &[]).unwrap();
        assert_eq!(
            targets(&plan),
            [
                ("user1-ml-test", "/home/work/user1-ml-test"),
                ("user2-vfolder", "/home/work/user2-vfolder"),
            ]
        );
        assert!(plan.iter().all(|m| !m.read_only && !m.automount));
        assert_eq!(plan[0].folder_id, "id-user1-ml-test");
    }

    #[test]
    fn absolute_and_relative_aliases() {
        let plan = plan_mounts(&[sel("a", "/workspace"), sel("b", "data/x")], &[]).unwrap();
        assert_eq!(
            targets(&plan),
            [("b", "/home/work/data/x"), ("a", "/workspace")]
        );
    }

    #[test]
    fn aliases_are_normalised() {
        for (alias, target) in [
            ("data//x/", "/home/work/data/x"),
            ("data/x", "/home/work/data/x"),
            ("//workspace//", "/workspace"),
            ("/home/work/data/", "/home/work/data"),
            ("/opt/a.b_c-d", "/opt/a.b_c-d"),
            ("..x/x..", "/home/work/..x/x.."),
            (".local2", "/home/work/.local2"),
        ] {
            let plan = plan_mounts(&[sel("f", alias)], &[]).unwrap();
            assert_eq!(plan[0].target, target, "{alias}");
        }
    }

    #[test]
    fn invalid_aliases_are_refused() {
        for alias in [
            "a b",
            "data/../etc",
            "..",
            "./x",
            "/workspace/.",
            "x:y",
            "ü",
            "a\\b",
            "$HOME",
            &format!("/{}", "x".repeat(256)),
            &"x/".repeat(2100),
        ] {
            let error = only_error(&[sel("f", alias)], &[]);
            assert_eq!(error.code(), "alias_invalid", "{alias:?}");
            assert_eq!(folder_names(&error), ["f"]);
            assert!(error.message().contains("\"f\""), "{}", error.message());
        }
        let error = only_error(&[sel("f", "data/../x")], &[]);
        assert!(error.message().contains("data/../x"), "{}", error.message());
        assert!(error.message().contains("\"..\""), "{}", error.message());
    }

    #[test]
    fn reserved_targets_are_refused() {
        for alias in [
            "/",
            "//",
            "/home",
            "/home/work",
            "/home/work/",
            "/etc",
            "/etc/x",
            "/usr/local/lib",
            "/bin",
            "/boot",
            "/dev/shm",
            "/lib",
            "/lib64",
            "/proc",
            "/root",
            "/run/x",
            "/sbin",
            "/sys",
            "/var/lib/data",
            "/tmp",
            "/tmp/x",
            ".ssh",
            ".ssh/keys",
            "/home/work/.terminfo",
            ".jupyter",
            ".tmux.conf",
            ".bashrc",
            ".zshrc",
            ".vimrc",
            ".bash_profile",
            ".x1_profile",
        ] {
            let error = only_error(&[sel("f", alias)], &[]);
            assert_eq!(error.code(), "alias_reserved", "{alias:?}");
            assert!(error.target().is_some());
            assert!(
                error.message().contains(error.target().unwrap()),
                "{}",
                error.message()
            );
        }
        // Near misses are fine.
        for alias in [
            "/etcetera",
            "/home/workspace",
            "/home/other",
            "/opt",
            "/srv/data",
            ".rc",
            ".Bashrc",
            ".sshkeys",
            "data/.bashrc",
            "/varx",
        ] {
            assert!(plan_mounts(&[sel("f", alias)], &[]).is_ok(), "{alias}");
        }
    }

    #[test]
    fn two_mounts_may_not_share_a_target() {
        let error = only_error(&[sel("a", "shared"), sel("b", "/home/work/shared/")], &[]);
        assert_eq!(error.code(), "alias_duplicate");
        assert_eq!(folder_names(&error), ["a", "b"]);
        assert_eq!(error.target(), Some("/home/work/shared"));
        assert!(error.message().contains("\"a\""));
        assert!(error.message().contains("\"b\""));
        assert!(error.message().contains("/home/work/shared"));

        // An alias may also take another folder's default target.
        let error = only_error(&[sel("a", ""), sel("b", "a")], &[]);
        assert_eq!(error.code(), "alias_duplicate");
    }

    #[test]
    fn mounts_may_not_nest_either_way() {
        for selection in [
            [sel("a", "/home/work/a"), sel("b", "a/b")],
            [sel("b", "a/b"), sel("a", "/home/work/a")],
        ] {
            let error = only_error(&selection, &[]);
            assert_eq!(error.code(), "alias_nested");
            assert_eq!(folder_names(&error), ["a", "b"]);
            assert_eq!(error.target(), Some("/home/work/a/b"));
            assert!(
                error.message()
                    == "folder \"b\" at /home/work/a/b would be inside folder \"a\" at /home/work/a",
                "{}",
                error.message()
            );
        }
        // A common prefix is not nesting.
        assert!(plan_mounts(&[sel("a", "a"), sel("b", "ab")], &[]).is_ok());
        assert!(plan_mounts(&[sel("a", "/data"), sel("b", "data")], &[]).is_ok());
    }

    #[test]
    fn automount_folders_are_added_to_every_session() {
        let plan = plan_mounts(
            &[sel("work", "")],
            &[auto(".local"), auto(".linuxbrew"), auto(".cache")],
        )
        .unwrap();
        assert_eq!(
            targets(&plan),
            [
                (".linuxbrew", "/home/linuxbrew/.linuxbrew"),
                (".cache", "/home/work/.cache"),
                (".local", "/home/work/.local"),
                ("work", "/home/work/work"),
            ]
        );
        assert!(plan[..3].iter().all(|m| m.automount));
        assert!(!plan[3].automount);

        let plan = plan_mounts(&[], &[auto(".local")]).unwrap();
        assert_eq!(targets(&plan), [(".local", "/home/work/.local")]);
    }

    #[test]
    fn read_only_automount_folders_mount_read_only() {
        let mut ro = auto(".tools");
        ro.permission = Permission::Ro;
        let plan = plan_mounts(&[], &[ro, auto(".local")]).unwrap();
        assert_eq!(
            plan.iter().map(|m| m.read_only).collect::<Vec<_>>(),
            [false, true]
        );
    }

    #[test]
    fn an_alias_may_not_clash_with_an_automount_folder() {
        for (alias, relation) in [
            (".local", "takes the place of"),
            ("/home/work/.local/lib", "would be inside"),
            ("/home/linuxbrew", "would contain"),
        ] {
            let error = only_error(&[sel("data", alias)], &[auto(".local"), auto(".linuxbrew")]);
            assert_eq!(error.code(), "alias_automount_conflict", "{alias}");
            assert_eq!(folder_names(&error)[0], "data");
            assert_eq!(error.folders().len(), 2);
            assert!(error.message().contains(relation), "{}", error.message());
            assert!(
                error.message().contains("automount folder"),
                "{}",
                error.message()
            );
        }
    }

    #[test]
    fn an_automount_folder_at_a_reserved_path_is_reported() {
        // Folder names are checked when created; this guards older data.
        let error = only_error(&[], &[auto(".bashrc"), auto(".local")]);
        assert_eq!(error.code(), "alias_reserved");
        assert_eq!(folder_names(&error), [".bashrc"]);
        assert!(error.message().contains("rename"), "{}", error.message());
    }

    #[test]
    fn selecting_an_automount_folder_mounts_it_once_where_asked() {
        let mut local = sel(".local", "");
        local.access = Access::ReadOnly;
        let plan = plan_mounts(&[local], &[auto(".local")]).unwrap();
        assert_eq!(targets(&plan), [(".local", "/home/work/.local")]);
        assert!(plan[0].read_only);
        assert!(!plan[0].automount);

        let plan = plan_mounts(
            &[sel(".linuxbrew", "/opt/brew")],
            &[auto(".linuxbrew"), auto(".local")],
        )
        .unwrap();
        assert_eq!(
            targets(&plan),
            [(".local", "/home/work/.local"), (".linuxbrew", "/opt/brew")]
        );

        let plan = plan_mounts(&[sel(".linuxbrew", "")], &[]).unwrap();
        assert_eq!(plan[0].target, LINUXBREW_TARGET);
    }

    #[test]
    fn the_same_folder_at_two_targets_is_allowed_but_not_twice_at_one() {
        let plan = plan_mounts(&[sel("a", ""), sel("a", "/workspace")], &[]).unwrap();
        assert_eq!(targets(&plan), [("a", "/home/work/a"), ("a", "/workspace")]);

        let error = only_error(&[sel("a", ""), sel("a", "a")], &[]);
        assert_eq!(error.code(), "alias_duplicate");
        assert!(error.message().contains("twice"), "{}", error.message());
    }

    #[test]
    fn read_only_rules() {
        let with = |permission, access| {
            let mut s = sel("f", "");
            s.permission = permission;
            s.access = access;
            plan_mounts(&[s], &[])
        };
        let read_only = |permission, access| with(permission, access).unwrap()[0].read_only;
        assert!(!read_only(Permission::Rw, Access::Default));
        assert!(!read_only(Permission::Rw, Access::ReadWrite));
        assert!(read_only(Permission::Rw, Access::ReadOnly));
        assert!(read_only(Permission::Ro, Access::Default));
        assert!(read_only(Permission::Ro, Access::ReadOnly));

        let errors = with(Permission::Ro, Access::ReadWrite).unwrap_err();
        assert_eq!(codes(&errors), ["folder_read_only"]);
        assert!(errors[0].message().contains("\"f\" is read-only"));
    }

    #[test]
    fn unmountable_folders_are_refused_with_the_reason() {
        for (mountability, reason) in [
            (Mountability::Trashed, "trash"),
            (Mountability::OtherProject, "another project"),
            (Mountability::Missing, "does not exist"),
        ] {
            let mut s = sel("gone", "");
            s.mountability = mountability;
            let error = only_error(&[s], &[]);
            assert_eq!(error.code(), "folder_not_mountable");
            assert!(error.message().contains(reason), "{}", error.message());
            assert_eq!(folder_names(&error), ["gone"]);
        }
        let error = only_error(&[SelectedFolder::missing("nope", "", Access::Default)], &[]);
        assert_eq!(error.code(), "folder_not_mountable");
        assert_eq!(error.folders()[0].id, "");
    }

    #[test]
    fn an_unmountable_folder_takes_no_part_in_conflicts() {
        let mut trashed = sel("old", "data");
        trashed.mountability = Mountability::Trashed;
        let errors = plan_mounts(&[trashed, sel("data", "")], &[]).unwrap_err();
        assert_eq!(codes(&errors), ["folder_not_mountable"]);
    }

    #[test]
    fn every_error_is_reported_in_one_call() {
        let mut ro = sel("ro", "");
        ro.permission = Permission::Ro;
        ro.access = Access::ReadWrite;
        let mut trashed = sel("trashed", "");
        trashed.mountability = Mountability::Trashed;
        let errors = plan_mounts(
            &[
                sel("bad", "a b"),
                sel("sys", "/etc"),
                ro,
                trashed,
                sel("one", "shared"),
                sel("two", "shared"),
                sel("outer", "/data"),
                sel("inner", "/data/inner"),
                sel("clash", ".local"),
                sel("fine", ""),
            ],
            &[auto(".local")],
        )
        .unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                "alias_invalid",
                "alias_reserved",
                "folder_read_only",
                "folder_not_mountable",
                "alias_nested",
                "alias_automount_conflict",
                "alias_duplicate",
            ]
        );
        assert_eq!(folder_names(&errors[4]), ["outer", "inner"]);
        assert_eq!(folder_names(&errors[5]), ["clash", ".local"]);
        assert_eq!(folder_names(&errors[6]), ["one", "two"]);
        // Same input, same answer.
        let again = plan_mounts(
            &[sel("two", "shared"), sel("one", "shared")],
            &[auto(".local")],
        )
        .unwrap_err();
        assert_eq!(folder_names(&again[0]), ["one", "two"]);
    }

    #[test]
    fn errors_serialise_with_code_message_folders_and_target() {
        let error = only_error(&[sel("a", "x"), sel("b", "x")], &[]);
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "alias_duplicate",
                "message": "folders \"a\" and \"b\" are both mounted at /home/work/x",
                "folders": [{"id": "id-a", "name": "a"}, {"id": "id-b", "name": "b"}],
                "target": "/home/work/x",
            })
        );
        let mut ro = sel("r", "");
        ro.permission = Permission::Ro;
        ro.access = Access::ReadWrite;
        let json = serde_json::to_value(only_error(&[ro], &[])).unwrap();
        assert!(json.get("target").is_none(), "{json}");
        assert_eq!(json["code"], "folder_read_only");
    }

    #[test]
    fn codes_match_their_serialised_form() {
        for code in [
            MountErrorCode::AliasInvalid,
            MountErrorCode::AliasReserved,
            MountErrorCode::AliasDuplicate,
            MountErrorCode::AliasNested,
            MountErrorCode::AliasAutomountConflict,
            MountErrorCode::FolderReadOnly,
            MountErrorCode::FolderNotMountable,
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }

    #[test]
    fn typescript_shapes() {
        let config = ts_rs::Config::default();
        let decl = MountError::decl(&config);
        assert!(decl.contains("target?: string"), "{decl}");
        assert!(decl.contains("folders: Array<MountErrorFolder>"), "{decl}");
        let decl = Access::decl(&config);
        assert!(decl.contains("\"read_only\""), "{decl}");
    }

    fn folder(name: &str, status: FolderStatus, project: Option<&str>) -> Folder {
        Folder {
            id: format!("id-{name}"),
            name: name.to_owned(),
            host: "local".to_owned(),
            usage_mode: Default::default(),
            permission: Permission::Rw,
            folder_type: if project.is_some() {
                FolderType::Project
            } else {
                FolderType::User
            },
            project: project.map(str::to_owned),
            status,
            automount: is_automount(name),
            created_at: String::new(),
            trashed_at: None,
            size_bytes: None,
        }
    }

    #[test]
    fn mountability_and_automount_folders_from_stored_folders() {
        let folders = [
            folder(".local", FolderStatus::Ready, None),
            folder(".cache", FolderStatus::Trashed, None),
            folder(".team", FolderStatus::Ready, Some("ml")),
            folder(".other", FolderStatus::Ready, Some("web")),
            folder("data", FolderStatus::Ready, None),
        ];
        let names: Vec<_> = AutomountFolder::visible_in(&folders, "ml")
            .into_iter()
            .map(|a| a.folder_name)
            .collect();
        assert_eq!(names, [".local", ".team"]);

        assert_eq!(Mountability::of(&folders[1], "ml"), Mountability::Trashed);
        assert_eq!(
            Mountability::of(&folders[3], "ml"),
            Mountability::OtherProject
        );
        let s = SelectedFolder::new(&folders[4], "ml", "/workspace", Access::ReadOnly);
        assert_eq!(s.mountability, Mountability::Mountable);
        assert_eq!(s.folder_id, "id-data");
        assert_eq!(s.alias, "/workspace");
    }
}
