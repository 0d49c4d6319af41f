//! The engine module against a real Docker engine (the test command starts
//! one). These tests fail, never skip, when no engine answers.

use berth_core::engine::endpoint::{self, Endpoint, EndpointEnv};
use berth_core::engine::{self, Engine, EngineStatus};
use std::time::Duration;

async fn real_engine() -> Engine {
    Engine::from_env().await.unwrap_or_else(|e| {
        panic!("these tests need a running Docker engine ({e}); run scripts/test.sh")
    })
}

#[tokio::test]
async fn ping_and_info_succeed() {
    let engine = real_engine().await;
    engine.ping().await.unwrap();
    let info = engine.info().await.unwrap();
    assert!(!info.version.is_empty());
    assert!(info.cpus >= 1);
    assert!(info.memory_bytes > 64 << 20);
    assert!(!info.os.is_empty());
    assert_eq!(info.endpoint, engine.endpoint().to_string());
}

#[tokio::test]
async fn status_reports_connected_with_the_engine_version() {
    let engine = real_engine().await;
    let expected = engine.info().await.unwrap().version;
    let status = engine::status(engine.endpoint().clone()).await;
    let EngineStatus::Connected { info } = status else {
        panic!("expected connected, got {status:?}");
    };
    assert_eq!(info.version, expected);
}

#[tokio::test]
async fn dead_socket_is_engine_unreachable_quickly() {
    let env = EndpointEnv {
        docker_host: Some("unix:///nonexistent.sock".into()),
        ..EndpointEnv::default()
    };
    let dead = endpoint::resolve(&env, |_| false).unwrap();
    // Bounded: a hang here fails the test instead of blocking the suite.
    let status = tokio::time::timeout(Duration::from_secs(15), engine::status(dead))
        .await
        .expect("status of a dead endpoint must not hang");
    let EngineStatus::Unreachable {
        endpoint,
        error,
        hint,
    } = status
    else {
        panic!("expected unreachable, got {status:?}");
    };
    assert_eq!(endpoint, "unix:///nonexistent.sock");
    assert_eq!(error.code, "engine_unreachable");
    assert!(
        error.message.contains("/nonexistent.sock"),
        "{}",
        error.message
    );
    assert!(!hint.is_empty());
}

#[tokio::test]
async fn silent_tcp_endpoint_times_out_as_unreachable() {
    // A listener that accepts and never answers: the worst case for a hang.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let status = tokio::time::timeout(
        engine::REQUEST_TIMEOUT * 3,
        engine::status(Endpoint::Tcp(address.clone())),
    )
    .await
    .expect("status of a silent endpoint must not hang");
    let EngineStatus::Unreachable { error, .. } = status else {
        panic!("expected unreachable, got {status:?}");
    };
    assert_eq!(error.code, "engine_unreachable");
    assert!(error.message.contains(&address), "{}", error.message);
    drop(listener);
}
