//! Fuzzes the folder path rules: any input either is refused or becomes a
//! normalised path that cannot climb out of the folder, and parsing that
//! path again gives it back unchanged.
//!
//! Run from `crates/berth-core/fuzz`: `cargo +nightly fuzz run folder_path`.

#![no_main]

use berth_core::storage::explorer::{FolderPath, MAX_COMPONENT_LEN, MAX_PATH_LEN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let Ok(path) = FolderPath::parse(input) else {
        return;
    };
    let text = path.as_str();
    assert!(text.len() <= MAX_PATH_LEN);
    assert!(!text.contains('\0'));
    assert!(!text.starts_with('/') && !text.ends_with('/'));
    assert!(!text.contains("//"));
    for component in path.components() {
        assert!(!component.is_empty());
        assert!(component != "." && component != "..");
        assert!(component.len() <= MAX_COMPONENT_LEN);
    }
    assert_eq!(path.is_root(), text.is_empty());
    assert!(!path.as_relative().is_absolute());
    assert_eq!(
        FolderPath::parse(text).expect("a normalised path parses"),
        path
    );
    assert_eq!(
        FolderPath::parse(&path.to_string()).expect("the shown path parses"),
        path
    );
    if let (Some(parent), Some(name)) = (path.parent(), path.file_name()) {
        assert_eq!(parent.join(name).expect("a component joins"), path);
        assert!(path.starts_with(&parent));
    }
});
