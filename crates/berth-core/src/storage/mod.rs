//! Storage: hosts (named root directories) and, later, the folders on them.

pub mod hosts;

pub use hosts::StorageHost;
