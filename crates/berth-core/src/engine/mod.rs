//! The Docker (or Podman) engine connection.
//!
//! Every call is bounded by [`REQUEST_TIMEOUT`]: a dead or wedged endpoint is
//! an [`Error::EngineUnreachable`] value that names the endpoint, never a
//! hang or a panic.

pub mod endpoint;
pub mod images;

use crate::{Error, ErrorPayload, Result};
use bollard::{API_DEFAULT_VERSION, Docker};
use endpoint::{Endpoint, EndpointEnv};
use serde::Serialize;
use std::future::Future;
use std::time::Duration;
use ts_rs::TS;

/// Upper bound on any single request to the engine during connection and
/// status checks.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// Upper bound on requests that make the engine work: creating, starting,
/// stopping (which waits out the grace period) and removing containers,
/// when many sessions launch at once on a busy machine.
pub const LIFECYCLE_TIMEOUT: Duration = Duration::from_secs(120);

/// Upper bound on the wait for the headers of a streaming response (logs,
/// pulls, waits, events); the stream itself may last as long as it needs.
const STREAM_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// A connected engine, with the API version negotiated.
#[derive(Debug, Clone)]
pub struct Engine {
    endpoint: Endpoint,
    docker: Docker,
    // The same connection with longer client-side timeouts.
    slow: Docker,
    streaming: Docker,
}

/// What the engine says about itself.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EngineInfo {
    pub endpoint: String,
    // Product name, e.g. "Docker Engine - Community" or "Podman Engine".
    pub name: String,
    pub version: String,
    pub api_version: String,
    pub os: String,
    pub kernel_version: String,
    pub cpus: u32,
    #[ts(type = "number")]
    pub memory_bytes: u64,
}

/// The engine as the header badge and `berth doctor` show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum EngineStatus {
    Connected {
        info: EngineInfo,
    },
    Unreachable {
        endpoint: String,
        error: ErrorPayload,
        hint: String,
    },
}

impl EngineStatus {
    /// Whether an engine answered.
    pub fn is_connected(&self) -> bool {
        matches!(self, EngineStatus::Connected { .. })
    }
}

impl Engine {
    /// Connects to the endpoint the environment names (see [`endpoint`]).
    pub async fn from_env() -> Result<Engine> {
        let endpoint = endpoint::resolve(&EndpointEnv::from_process(), |p| p.exists())?;
        Engine::connect(endpoint).await
    }

    /// Connects and negotiates the API version, so older engines (and
    /// Podman) are spoken to in a version they accept.
    pub async fn connect(endpoint: Endpoint) -> Result<Engine> {
        let timeout = REQUEST_TIMEOUT.as_secs();
        let client = match &endpoint {
            Endpoint::Unix(path) => {
                Docker::connect_with_unix(&path.to_string_lossy(), timeout, API_DEFAULT_VERSION)
            }
            Endpoint::Tcp(address) => {
                Docker::connect_with_http(address, timeout, API_DEFAULT_VERSION)
            }
            Endpoint::Tls { address, cert_dir } => Docker::connect_with_ssl(
                address,
                &cert_dir.join("key.pem"),
                &cert_dir.join("cert.pem"),
                &cert_dir.join("ca.pem"),
                timeout,
                API_DEFAULT_VERSION,
            ),
        }
        .map_err(|e| unreachable(&endpoint, e))?;
        let docker = bounded(&endpoint, client.negotiate_version()).await?;
        Ok(Engine {
            endpoint,
            slow: docker.clone().with_timeout(LIFECYCLE_TIMEOUT),
            streaming: docker.clone().with_timeout(STREAM_TIMEOUT),
            docker,
        })
    }

    /// The endpoint this engine was reached at.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// The bollard client, for modules that drive containers.
    pub fn docker(&self) -> &Docker {
        &self.docker
    }

    /// Runs one request within [`REQUEST_TIMEOUT`] (see [`bounded`]).
    pub(crate) async fn bounded<T>(
        &self,
        request: impl Future<Output = Result<T, bollard::errors::Error>>,
    ) -> Result<T> {
        bounded_within(&self.endpoint, REQUEST_TIMEOUT, request).await
    }

    /// Runs one request within [`LIFECYCLE_TIMEOUT`], on a client whose own
    /// timeout is as long.
    pub(crate) async fn lifecycle<'a, T, F>(
        &'a self,
        request: impl FnOnce(&'a Docker) -> F,
    ) -> Result<T>
    where
        F: Future<Output = Result<T, bollard::errors::Error>> + 'a,
    {
        bounded_within(&self.endpoint, LIFECYCLE_TIMEOUT, request(&self.slow)).await
    }

    /// Like [`Engine::bounded`], with the engine's 404 (no such container,
    /// image…) as `None`.
    pub(crate) async fn bounded_optional<T>(
        &self,
        request: impl Future<Output = Result<T, bollard::errors::Error>>,
    ) -> Result<Option<T>> {
        let request = async {
            match request.await {
                Ok(value) => Ok(Some(value)),
                Err(bollard::errors::Error::DockerResponseServerError {
                    status_code: 404, ..
                }) => Ok(None),
                Err(e) => Err(e),
            }
        };
        bounded_within(&self.endpoint, REQUEST_TIMEOUT, request).await
    }

    /// A client for streaming requests (logs, pulls, waits, events).
    pub(crate) fn streaming(&self) -> &Docker {
        &self.streaming
    }

    /// Maps a failure of a streaming request like [`bounded`] does.
    pub(crate) fn refused_or_unreachable(&self, error: bollard::errors::Error) -> Error {
        match error {
            bollard::errors::Error::DockerResponseServerError { message, .. } => {
                Error::Engine(message)
            }
            other => unreachable(&self.endpoint, other),
        }
    }

    /// Checks that the engine still answers.
    pub async fn ping(&self) -> Result<()> {
        bounded(&self.endpoint, self.docker.ping()).await.map(drop)
    }

    /// Version, OS, CPUs and memory.
    pub async fn info(&self) -> Result<EngineInfo> {
        let (version, info) = tokio::try_join!(
            bounded(&self.endpoint, self.docker.version()),
            bounded(&self.endpoint, self.docker.info()),
        )?;
        let is_podman = version
            .components
            .iter()
            .flatten()
            .any(|c| c.name.contains("Podman"));
        // Distribution builds often leave the platform name empty.
        let name = match version.platform.map(|p| p.name) {
            Some(name) if !name.is_empty() => name,
            _ if is_podman => "Podman Engine".to_owned(),
            _ => "Docker Engine".to_owned(),
        };
        Ok(EngineInfo {
            endpoint: self.endpoint.to_string(),
            name,
            version: version.version.unwrap_or_default(),
            api_version: version.api_version.unwrap_or_default(),
            os: info.operating_system.unwrap_or_default(),
            kernel_version: info.kernel_version.unwrap_or_default(),
            cpus: info.ncpu.unwrap_or_default().try_into().unwrap_or(0),
            memory_bytes: info.mem_total.unwrap_or_default().try_into().unwrap_or(0),
        })
    }
}

/// Connects to the environment's engine and describes it; failures become
/// the `Unreachable` state with a hint, so callers always get a value.
pub async fn status_from_env() -> EngineStatus {
    match endpoint::resolve(&EndpointEnv::from_process(), |p| p.exists()) {
        Ok(endpoint) => status(endpoint).await,
        Err(error) => EngineStatus::Unreachable {
            endpoint: std::env::var("DOCKER_HOST").unwrap_or_default(),
            hint: "Fix DOCKER_HOST, or unset it to use the local socket.".to_owned(),
            error: error.payload(),
        },
    }
}

/// Describes the engine at `endpoint`.
pub async fn status(endpoint: Endpoint) -> EngineStatus {
    let described = async {
        let engine = Engine::connect(endpoint.clone()).await?;
        engine.info().await
    };
    match described.await {
        Ok(info) => EngineStatus::Connected { info },
        Err(error) => EngineStatus::Unreachable {
            endpoint: endpoint.to_string(),
            hint: endpoint::unreachable_hint(&endpoint),
            error: error.payload(),
        },
    }
}

/// Runs one engine request with the timeout, mapping transport failures to
/// `engine_unreachable` and the engine's own refusals to `engine_error`.
async fn bounded<T>(
    endpoint: &Endpoint,
    request: impl Future<Output = Result<T, bollard::errors::Error>>,
) -> Result<T> {
    bounded_within(endpoint, REQUEST_TIMEOUT, request).await
}

async fn bounded_within<T>(
    endpoint: &Endpoint,
    timeout: Duration,
    request: impl Future<Output = Result<T, bollard::errors::Error>>,
) -> Result<T> {
    match tokio::time::timeout(timeout, request).await {
        Err(_) => Err(Error::EngineUnreachable {
            endpoint: endpoint.to_string(),
            reason: format!("no answer within {} s", timeout.as_secs()),
        }),
        Ok(Err(bollard::errors::Error::DockerResponseServerError { message, .. })) => {
            Err(Error::Engine(message))
        }
        Ok(Err(e)) => Err(unreachable(endpoint, e)),
        Ok(Ok(value)) => Ok(value),
    }
}

fn unreachable(endpoint: &Endpoint, error: bollard::errors::Error) -> Error {
    Error::EngineUnreachable {
        endpoint: endpoint.to_string(),
        reason: error.to_string(),
    }
}
