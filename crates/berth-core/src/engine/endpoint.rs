//! Which engine to talk to: `DOCKER_HOST` when set (unix socket, tcp, or tcp
//! with TLS), else Docker's default socket, else the user's Podman socket.
//! Pure: every input is a parameter, so the precedence is unit-tested.

use crate::{Error, Result};
use std::fmt;
use std::path::{Path, PathBuf};

/// Docker's default socket.
pub const DOCKER_SOCKET: &str = "/var/run/docker.sock";

/// An engine address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    /// A unix socket.
    Unix(PathBuf),
    /// Plain HTTP over TCP, `host:port`.
    Tcp(String),
    /// HTTPS over TCP with client certificates from `cert_dir`
    /// (`ca.pem`, `cert.pem`, `key.pem`), as the Docker CLI expects them.
    Tls { address: String, cert_dir: PathBuf },
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Endpoint::Unix(path) => write!(f, "unix://{}", path.display()),
            Endpoint::Tcp(address) => write!(f, "tcp://{address}"),
            Endpoint::Tls { address, .. } => write!(f, "tcp://{address} (TLS)"),
        }
    }
}

/// What the resolver reads from the environment and the file system.
#[derive(Debug, Default, Clone)]
pub struct EndpointEnv {
    pub docker_host: Option<String>,
    pub docker_tls_verify: Option<String>,
    pub docker_cert_path: Option<String>,
    pub home: Option<String>,
    pub xdg_runtime_dir: Option<String>,
}

impl EndpointEnv {
    /// Reads the variables from the process environment.
    pub fn from_process() -> Self {
        let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        EndpointEnv {
            docker_host: var("DOCKER_HOST"),
            docker_tls_verify: var("DOCKER_TLS_VERIFY"),
            docker_cert_path: var("DOCKER_CERT_PATH"),
            home: var("HOME"),
            xdg_runtime_dir: var("XDG_RUNTIME_DIR"),
        }
    }

    /// Podman's sockets, rootless first.
    fn podman_sockets(&self) -> Vec<PathBuf> {
        let mut sockets = Vec::new();
        if let Some(runtime) = &self.xdg_runtime_dir {
            sockets.push(Path::new(runtime).join("podman/podman.sock"));
        }
        sockets.push(PathBuf::from("/run/podman/podman.sock"));
        sockets
    }
}

/// Picks the endpoint. `socket_exists` is asked about local sockets only when
/// `DOCKER_HOST` is unset.
pub fn resolve(env: &EndpointEnv, socket_exists: impl Fn(&Path) -> bool) -> Result<Endpoint> {
    if let Some(host) = &env.docker_host {
        return parse_docker_host(host, env);
    }
    let docker = PathBuf::from(DOCKER_SOCKET);
    if socket_exists(&docker) {
        return Ok(Endpoint::Unix(docker));
    }
    if let Some(podman) = env.podman_sockets().into_iter().find(|p| socket_exists(p)) {
        return Ok(Endpoint::Unix(podman));
    }
    // Nothing is there: name Docker's socket, the usual one to start.
    Ok(Endpoint::Unix(docker))
}

fn parse_docker_host(host: &str, env: &EndpointEnv) -> Result<Endpoint> {
    let invalid = |reason: &str| Error::InvalidEndpoint {
        endpoint: host.to_owned(),
        reason: reason.to_owned(),
    };
    let (scheme, rest) = host
        .split_once("://")
        .ok_or_else(|| invalid("expected unix://PATH or tcp://HOST:PORT"))?;
    let tls_wanted = env.docker_tls_verify.as_deref().is_some_and(|v| v != "0");
    match scheme {
        "unix" if rest.starts_with('/') => Ok(Endpoint::Unix(PathBuf::from(rest))),
        "unix" => Err(invalid("a unix socket path must be absolute")),
        "tcp" | "http" | "https" => {
            let address = rest.trim_end_matches('/');
            if address.is_empty() || address.contains('/') {
                return Err(invalid("expected tcp://HOST:PORT"));
            }
            if scheme == "https" || tls_wanted {
                let cert_dir = env
                    .docker_cert_path
                    .as_deref()
                    .map(PathBuf::from)
                    .or_else(|| env.home.as_deref().map(|h| Path::new(h).join(".docker")))
                    .ok_or_else(|| invalid("TLS needs DOCKER_CERT_PATH or HOME"))?;
                Ok(Endpoint::Tls {
                    address: address.to_owned(),
                    cert_dir,
                })
            } else {
                Ok(Endpoint::Tcp(address.to_owned()))
            }
        }
        _ => Err(invalid(
            "unsupported scheme; Berth speaks unix://, tcp:// and tcp:// with DOCKER_TLS_VERIFY",
        )),
    }
}

/// What a person can do when nothing answers at `endpoint`.
pub fn unreachable_hint(endpoint: &Endpoint) -> String {
    match endpoint {
        Endpoint::Unix(path) if path == Path::new(DOCKER_SOCKET) => format!(
            "Start Docker: `sudo systemctl start docker`, or `sudo dockerd &` where no service \
             manager runs it (Debian/Ubuntu: `sudo apt-get install docker.io`). No Podman socket \
             was found either; with Podman, run `systemctl --user start podman.socket`. Or set \
             DOCKER_HOST to a running engine. If {} exists but permission is denied, add your \
             user to the `docker` group and log in again.",
            path.display()
        ),
        Endpoint::Unix(path) => format!(
            "Start the engine that serves {} (Podman: `systemctl --user start podman.socket`), \
             or set DOCKER_HOST to a running engine.",
            path.display()
        ),
        Endpoint::Tcp(_) | Endpoint::Tls { .. } => {
            "Check that the engine at DOCKER_HOST is running and reachable (and, for TLS, that \
             DOCKER_CERT_PATH holds ca.pem, cert.pem and key.pem), or unset DOCKER_HOST to use \
             the local socket."
                .to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_with_host(host: &str) -> EndpointEnv {
        EndpointEnv {
            docker_host: Some(host.to_owned()),
            home: Some("/home/u".to_owned()),
            ..EndpointEnv::default()
        }
    }

    #[test]
    fn docker_host_unix() {
        let endpoint = resolve(&env_with_host("unix:///tmp/d.sock"), |_| true).unwrap();
        assert_eq!(endpoint, Endpoint::Unix("/tmp/d.sock".into()));
        assert_eq!(endpoint.to_string(), "unix:///tmp/d.sock");
    }

    #[test]
    fn docker_host_tcp_plain_and_tls() {
        let plain = resolve(&env_with_host("tcp://10.0.0.2:2375"), |_| true).unwrap();
        assert_eq!(plain, Endpoint::Tcp("10.0.0.2:2375".into()));

        let mut env = env_with_host("tcp://10.0.0.2:2376");
        env.docker_tls_verify = Some("1".into());
        let tls = resolve(&env, |_| true).unwrap();
        assert_eq!(
            tls,
            Endpoint::Tls {
                address: "10.0.0.2:2376".into(),
                cert_dir: "/home/u/.docker".into()
            }
        );

        env.docker_cert_path = Some("/certs".into());
        let Endpoint::Tls { cert_dir, .. } = resolve(&env, |_| true).unwrap() else {
            panic!("expected TLS");
        };
        assert_eq!(cert_dir, PathBuf::from("/certs"));
    }

    #[test]
    fn bad_docker_host_is_invalid_endpoint() {
        for host in ["ssh://me@box", "unix://relative.sock", "tcp://", "nonsense"] {
            let err = resolve(&env_with_host(host), |_| true).unwrap_err();
            assert_eq!(err.code(), "invalid_endpoint", "{host}");
            assert!(err.to_string().contains(host), "{err}");
        }
    }

    #[test]
    fn docker_socket_then_podman_then_docker_default() {
        let env = EndpointEnv {
            xdg_runtime_dir: Some("/run/user/1000".into()),
            ..EndpointEnv::default()
        };
        let both = resolve(&env, |_| true).unwrap();
        assert_eq!(both, Endpoint::Unix(DOCKER_SOCKET.into()));

        let rootless_podman = Path::new("/run/user/1000/podman/podman.sock");
        let podman = resolve(&env, |p| p == rootless_podman).unwrap();
        assert_eq!(podman, Endpoint::Unix(rootless_podman.into()));

        let none = resolve(&env, |_| false).unwrap();
        assert_eq!(none, Endpoint::Unix(DOCKER_SOCKET.into()));
    }

    #[test]
    fn hints_say_what_to_do() {
        let docker = unreachable_hint(&Endpoint::Unix(DOCKER_SOCKET.into()));
        assert!(docker.contains("dockerd"));
        assert!(docker.contains("podman.socket"));
        let tcp = unreachable_hint(&Endpoint::Tcp("h:1".into()));
        assert!(tcp.contains("DOCKER_HOST"));
    }
}
