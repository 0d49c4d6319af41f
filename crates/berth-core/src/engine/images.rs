//! Local images: list, pull with per-layer progress, remove.

use super::Engine;
use crate::{Error, Result};
use bollard::query_parameters::{CreateImageOptionsBuilder, RemoveImageOptionsBuilder};
use futures_util::StreamExt;
use serde::Serialize;
use ts_rs::TS;

/// An image present on the engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImageInfo {
    pub id: String,
    /// `repository:tag` names; empty for dangling images.
    pub tags: Vec<String>,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// Seconds since the Unix epoch.
    #[ts(type = "number")]
    pub created: i64,
}

/// One progress message of a pull, as the engine sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PullProgress {
    /// The layer, when the message is about one.
    pub layer: Option<String>,
    pub status: String,
    #[ts(type = "number | null")]
    pub current: Option<u64>,
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}

/// The reference with `:latest` added when it names neither a tag nor a
/// digest; without it the engine would pull every tag.
pub fn with_default_tag(reference: &str) -> String {
    let last = reference.rsplit('/').next().unwrap_or(reference);
    if last.contains(':') || last.contains('@') {
        reference.to_owned()
    } else {
        format!("{reference}:latest")
    }
}

impl Engine {
    /// Images present on the engine, newest first.
    pub async fn list_images(&self) -> Result<Vec<ImageInfo>> {
        let images = self
            .bounded(
                self.docker()
                    .list_images(None::<bollard::query_parameters::ListImagesOptions>),
            )
            .await?;
        let mut images: Vec<ImageInfo> = images
            .into_iter()
            .map(|i| ImageInfo {
                id: i.id,
                tags: i
                    .repo_tags
                    .into_iter()
                    .filter(|t| t != "<none>:<none>")
                    .collect(),
                size_bytes: i.size.max(0) as u64,
                created: i.created,
            })
            .collect();
        images.sort_by(|a, b| b.created.cmp(&a.created).then(a.tags.cmp(&b.tags)));
        Ok(images)
    }

    /// Whether the image is present locally.
    pub async fn has_image(&self, reference: &str) -> Result<bool> {
        let found = self
            .bounded_optional(self.docker().inspect_image(reference))
            .await?;
        Ok(found.is_some())
    }

    /// Pulls `reference`, reporting each progress message. A failed pull is
    /// an [`Error::Engine`] carrying the registry's message.
    pub async fn pull_image(
        &self,
        reference: &str,
        mut on_progress: impl FnMut(&PullProgress),
    ) -> Result<()> {
        let reference = with_default_tag(reference);
        let options = CreateImageOptionsBuilder::new()
            .from_image(&reference)
            .build();
        let mut stream = self.streaming().create_image(Some(options), None, None);
        while let Some(message) = stream.next().await {
            let info = message.map_err(|e| self.refused_or_unreachable(e))?;
            if let Some(detail) = info.error_detail {
                return Err(Error::Engine(detail.message.unwrap_or_default()));
            }
            let progress = info.progress_detail.unwrap_or_default();
            on_progress(&PullProgress {
                layer: info.id,
                status: info.status.unwrap_or_default(),
                current: progress.current.map(|n| n.max(0) as u64),
                total: progress.total.map(|n| n.max(0) as u64),
            });
        }
        Ok(())
    }

    /// Removes an image; refused by the engine while a container uses it.
    pub async fn remove_image(&self, reference: &str) -> Result<()> {
        let options = RemoveImageOptionsBuilder::new().build();
        self.bounded(self.docker().remove_image(reference, Some(options), None))
            .await
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_name_gets_latest_and_tags_and_digests_stay() {
        assert_eq!(with_default_tag("busybox"), "busybox:latest");
        assert_eq!(with_default_tag("busybox:1.36"), "busybox:1.36");
        assert_eq!(
            with_default_tag("registry.local:5000/team/app"),
            "registry.local:5000/team/app:latest"
        );
        assert_eq!(
            with_default_tag("registry.local:5000/team/app:v2"),
            "registry.local:5000/team/app:v2"
        );
        assert_eq!(with_default_tag("app@sha256:0123"), "app@sha256:0123");
    }
}
