//! Storage: hosts (named root directories) and, later, the folders on them.

pub mod hosts;
pub mod names;

pub use hosts::StorageHost;
