//! Folder name rules (DESIGN §4 "Folders"): pure functions, no I/O.

use crate::{Error, Result};

/// Longest folder name, in bytes (names are ASCII).
pub const MAX_NAME_LEN: usize = 64;

/// Names that would shadow files a shell or tool keeps in the home
/// directory, where automount folders are mounted.
const RESERVED: &[&str] = &[".terminfo", ".jupyter", ".tmux.conf", ".ssh", ".", ".."];

/// Whether a folder of this name is mounted into every session.
pub fn is_automount(name: &str) -> bool {
    name.starts_with('.')
}

/// Checks a folder name; the error says what is wrong with it.
pub fn validate_folder_name(name: &str) -> Result<()> {
    let invalid = |reason: &str| Error::InvalidName {
        name: name.to_owned(),
        reason: reason.to_owned(),
    };
    if name.is_empty() {
        return Err(invalid("a name is required"));
    }
    if name.len() > MAX_NAME_LEN {
        return Err(invalid(&format!("at most {MAX_NAME_LEN} characters")));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(invalid(&format!(
            "{bad:?} is not allowed; use letters, digits, '.', '_' and '-'"
        )));
    }
    if is_reserved(name) {
        return Err(Error::ReservedName {
            name: name.to_owned(),
        });
    }
    Ok(())
}

/// Checks the name of a project or storage host: the folder alphabet, but
/// starting with a letter or digit.
pub fn validate_plain_name(name: &str) -> Result<()> {
    if name.starts_with(['.', '-', '_']) {
        return Err(Error::InvalidName {
            name: name.to_owned(),
            reason: "must start with a letter or a digit".to_owned(),
        });
    }
    validate_folder_name(name)
}

/// `.`/`..`, the listed dot-files, and shell rc/profile files
/// (`^\.[a-z0-9]+rc$`, `^\.[a-z0-9]+_profile$`).
fn is_reserved(name: &str) -> bool {
    if RESERVED.contains(&name) {
        return true;
    }
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

    #[test]
    fn accepts_ordinary_and_automount_names() {
        for name in [
            "user1-ml-test",
            "user2-vfolder",
            "a",
            "A.b_c-9",
            ".local",
            ".linuxbrew",
            ".cache",
            ".rc",
            ".Bashrc",
            ".my-rc",
            &"x".repeat(64),
        ] {
            assert!(validate_folder_name(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn refuses_bad_characters_and_lengths() {
        for name in ["", "a b", "a/b", "ü", "a\0", "x:y", &"x".repeat(65)] {
            let err = validate_folder_name(name).unwrap_err();
            assert_eq!(err.code(), "invalid_name", "{name:?}");
        }
    }

    #[test]
    fn refuses_every_reserved_name() {
        for name in [
            ".",
            "..",
            ".terminfo",
            ".jupyter",
            ".tmux.conf",
            ".ssh",
            ".bashrc",
            ".zshrc",
            ".vimrc",
            ".npmrc",
            ".bash_profile",
            ".profile2_profile",
        ] {
            let err = validate_folder_name(name).unwrap_err();
            assert_eq!(err.code(), "reserved_name", "{name}");
            assert!(err.to_string().contains(name));
        }
    }

    #[test]
    fn plain_names_start_with_a_letter_or_digit() {
        assert!(validate_plain_name("ml-team").is_ok());
        assert!(validate_plain_name("2026.q4").is_ok());
        for name in [".hidden", "-x", "_x", "", "a b"] {
            assert_eq!(
                validate_plain_name(name).unwrap_err().code(),
                "invalid_name",
                "{name:?}"
            );
        }
    }

    #[test]
    fn automount_is_a_leading_dot() {
        assert!(is_automount(".local"));
        assert!(!is_automount("local"));
        assert!(!is_automount("a.b"));
    }
}
