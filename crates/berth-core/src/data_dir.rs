//! Where Berth keeps its state: `--data-dir` > `$BERTH_DATA_DIR` > the XDG
//! data directory (`$XDG_DATA_HOME/berth`, else `~/.local/share/berth`).

use crate::{Error, Result};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory.
pub const ENV_VAR: &str = "BERTH_DATA_DIR";

/// Resolves the data directory from an explicit flag and the environment.
///
/// Pure apart from reading the given values, so the precedence is testable.
pub fn resolve(
    flag: Option<&Path>,
    berth_data_dir: Option<&str>,
    xdg_data_home: Option<&str>,
    home: Option<&str>,
) -> Result<PathBuf> {
    let non_empty = |v: Option<&str>| v.filter(|s| !s.is_empty()).map(PathBuf::from);
    if let Some(dir) = flag {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = non_empty(berth_data_dir) {
        return Ok(dir);
    }
    // The XDG spec says relative values are invalid and must be ignored.
    if let Some(xdg) = non_empty(xdg_data_home).filter(|p| p.is_absolute()) {
        return Ok(xdg.join("berth"));
    }
    if let Some(home) = non_empty(home) {
        return Ok(home.join(".local/share/berth"));
    }
    Err(Error::DataDir {
        path: PathBuf::new(),
        reason: format!("neither {ENV_VAR} nor HOME is set; pass --data-dir"),
    })
}

/// Resolves the data directory from the process environment.
pub fn from_env(flag: Option<&Path>) -> Result<PathBuf> {
    let var = |name| std::env::var(name).ok();
    resolve(
        flag,
        var(ENV_VAR).as_deref(),
        var("XDG_DATA_HOME").as_deref(),
        var("HOME").as_deref(),
    )
}

/// Creates the directory (and parents) if missing; a directory Berth creates
/// is private to the user (`0700`). An existing directory is left as it is.
pub fn ensure(dir: &Path) -> Result<()> {
    let fail = |e: std::io::Error| Error::DataDir {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    };
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir).map_err(fail)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_environment() {
        let dir = resolve(
            Some(Path::new("/flag")),
            Some("/env"),
            Some("/xdg"),
            Some("/home/u"),
        );
        assert_eq!(dir.unwrap(), PathBuf::from("/flag"));
    }

    #[test]
    fn environment_wins_over_xdg() {
        let dir = resolve(None, Some("/env"), Some("/xdg"), Some("/home/u"));
        assert_eq!(dir.unwrap(), PathBuf::from("/env"));
    }

    #[test]
    fn xdg_then_home() {
        let xdg = resolve(None, None, Some("/xdg"), Some("/home/u")).unwrap();
        assert_eq!(xdg, PathBuf::from("/xdg/berth"));
        let home = resolve(None, Some(""), Some("relative"), Some("/home/u")).unwrap();
        assert_eq!(home, PathBuf::from("/home/u/.local/share/berth"));
    }

    #[test]
    fn nothing_set_is_a_clear_error() {
        let err = resolve(None, None, None, None).unwrap_err();
        assert_eq!(err.code(), "data_dir_unavailable");
        assert!(err.to_string().contains("--data-dir"));
    }

    #[test]
    fn created_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        ensure(&dir).unwrap();
        let mode = fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
}
