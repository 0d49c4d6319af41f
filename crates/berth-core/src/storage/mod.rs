//! Storage: hosts (named root directories), the folders on them, and the
//! rules for folder names.

pub mod download_to;
pub mod explorer;
pub mod folders;
pub mod hosts;
pub mod names;
pub mod transfer;
pub mod transfer_status;

pub use folders::{Folder, FolderOptions, FolderStatus, FolderType, Permission, UsageMode};
pub use hosts::{HostUsage, StorageHost};
