//! Starting a TTY exec and taking over its connection as a raw byte stream.
//!
//! The engine answers `POST /exec/{id}/start` with `Tty: true` by upgrading
//! the HTTP connection; from then on the socket carries the terminal's bytes
//! both ways, unframed. This module speaks that one request itself over the
//! unix socket or plain TCP, so every output byte reaches the caller as it
//! came (bollard's decoder looks for frame headers, which output starting
//! with a NUL, SOH or STX byte would be mistaken for). TLS endpoints go
//! through bollard.

use crate::engine::Engine;
use crate::engine::endpoint::Endpoint;
use crate::{Error, Result};
use bollard::exec::{StartExecOptions, StartExecResults};
use futures_util::stream::{BoxStream, StreamExt};
use std::io;
use std::pin::Pin;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// Upper bound on the response head of the upgrade.
const MAX_HEAD: usize = 16 * 1024;

/// Most bytes taken from the socket in one read.
const SCRATCH_BYTES: usize = 64 * 1024;

/// The output side of a started TTY exec.
pub(crate) enum ExecOutput {
    Raw {
        reader: Pin<Box<dyn AsyncRead + Send>>,
        // Bytes that arrived with the response head.
        pending: Vec<u8>,
        // Reads land here first, so that a read dropped half-way leaves the
        // caller's buffer untouched.
        scratch: Box<[u8]>,
    },
    Framed(
        BoxStream<
            'static,
            std::result::Result<bollard::container::LogOutput, bollard::errors::Error>,
        >,
    ),
}

impl ExecOutput {
    /// Reads the next bytes into `buf`; 0 at the end of the stream. Cancel
    /// safe: dropping the future loses no bytes.
    pub(crate) async fn read(&mut self, buf: &mut Vec<u8>, max: usize) -> io::Result<usize> {
        match self {
            ExecOutput::Raw {
                reader,
                pending,
                scratch,
            } => {
                if !pending.is_empty() {
                    let n = pending.len();
                    buf.append(pending);
                    return Ok(n);
                }
                let max = max.min(scratch.len());
                let n = reader.read(&mut scratch[..max]).await?;
                buf.extend_from_slice(&scratch[..n]);
                Ok(n)
            }
            ExecOutput::Framed(stream) => match stream.next().await {
                None => Ok(0),
                Some(Ok(output)) => {
                    let bytes = output.into_bytes();
                    buf.extend_from_slice(&bytes);
                    Ok(bytes.len())
                }
                Some(Err(e)) => Err(io::Error::other(e.to_string())),
            },
        }
    }
}

/// The input side of a started TTY exec.
pub(crate) type ExecInput = Pin<Box<dyn AsyncWrite + Send>>;

/// Starts the created exec `exec_id` attached with a TTY.
pub(crate) async fn start_tty(engine: &Engine, exec_id: &str) -> Result<(ExecOutput, ExecInput)> {
    let io_error = |e: io::Error| Error::EngineUnreachable {
        endpoint: engine.endpoint().to_string(),
        reason: e.to_string(),
    };
    match engine.endpoint() {
        Endpoint::Unix(path) => {
            let stream = tokio::net::UnixStream::connect(path)
                .await
                .map_err(io_error)?;
            upgrade(engine, stream, exec_id).await
        }
        Endpoint::Tcp(address) => {
            let stream = tokio::net::TcpStream::connect(address)
                .await
                .map_err(io_error)?;
            stream.set_nodelay(true).map_err(io_error)?;
            upgrade(engine, stream, exec_id).await
        }
        Endpoint::Tls { .. } => {
            let options = StartExecOptions {
                tty: true,
                ..Default::default()
            };
            match engine
                .lifecycle(|docker| docker.start_exec(exec_id, Some(options)))
                .await?
            {
                StartExecResults::Attached { output, input } => {
                    Ok((ExecOutput::Framed(output), input))
                }
                StartExecResults::Detached => {
                    Err(Error::Engine("the engine detached the terminal".to_owned()))
                }
            }
        }
    }
}

async fn upgrade<S>(
    engine: &Engine,
    mut stream: S,
    exec_id: &str,
) -> Result<(ExecOutput, ExecInput)>
where
    S: AsyncRead + AsyncWrite + Send + 'static,
    S: Unpin,
{
    let failed = |reason: String| Error::EngineUnreachable {
        endpoint: engine.endpoint().to_string(),
        reason,
    };
    let version = engine.docker().client_version();
    let body = r#"{"Detach":false,"Tty":true}"#;
    let request = format!(
        "POST /v{}.{}/exec/{exec_id}/start HTTP/1.1\r\n\
         Host: docker\r\n\
         Content-Type: application/json\r\n\
         Connection: Upgrade\r\n\
         Upgrade: tcp\r\n\
         Content-Length: {}\r\n\r\n{body}",
        version.major_version,
        version.minor_version,
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| failed(e.to_string()))?;

    let mut head = Vec::with_capacity(1024);
    let end = loop {
        if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        if head.len() > MAX_HEAD {
            return Err(failed(
                "the engine's answer has no end of headers".to_owned(),
            ));
        }
        let mut chunk = [0u8; 1024];
        let n = stream
            .read(&mut chunk)
            .await
            .map_err(|e| failed(e.to_string()))?;
        if n == 0 {
            return Err(failed("the engine closed the connection".to_owned()));
        }
        head.extend_from_slice(&chunk[..n]);
    };
    let pending = head.split_off(end);
    let head = String::from_utf8_lossy(&head);
    let status = head.split_whitespace().nth(1).unwrap_or_default();
    if status != "101" && status != "200" {
        // The body of a refusal is a JSON message; show its text.
        let message = String::from_utf8_lossy(&pending).into_owned();
        return Err(Error::Engine(format!(
            "cannot start the terminal ({status}): {}",
            message.trim()
        )));
    }
    let (reader, writer) = tokio::io::split(stream);
    Ok((
        ExecOutput::Raw {
            reader: Box::pin(reader),
            pending,
            scratch: vec![0; SCRATCH_BYTES].into_boxed_slice(),
        },
        Box::pin(writer),
    ))
}
