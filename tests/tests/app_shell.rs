//! The app shell, end to end: the real window, the real engine.

use berth_core::engine::Engine;
use berth_e2e::{App, Launch};

fn launch(docker_host: Option<&str>) -> (App, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(&Launch {
        data_dir: data.path().join("berth"),
        docker_host: docker_host.map(str::to_owned),
        test_hooks: false,
    });
    (app, data)
}

/// The version the engine reports through the Docker API, read the same
/// way the doctor does but independently of the app.
fn real_engine_version() -> String {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let engine = Engine::from_env()
            .await
            .expect("a running Docker engine (scripts/test.sh starts dockerd)");
        engine.info().await.unwrap().version
    })
}

#[test]
fn opens_on_sessions_and_navigates_between_pages() {
    let (app, data) = launch(None);
    app.wait_for("[data-testid=page-sessions]");
    app.wait_for("[data-testid=sessions-empty]");
    app.wait_for_text("[data-testid=project-selector]", "default");
    app.screenshot("shell-01-sessions");

    app.click("[data-testid=nav-storage]");
    app.wait_for("[data-testid=page-storage]");
    app.wait_for("[data-testid=storage-empty]");
    let local = data.path().join("berth/storage/local");
    app.wait_for_text("[data-testid=page-storage]", &local.display().to_string());
    app.screenshot("shell-02-storage");

    app.click("[data-testid=nav-settings]");
    app.wait_for("[data-testid=page-settings]");
    app.wait_for_text(
        "[data-testid=page-settings]",
        &data.path().join("berth").display().to_string(),
    );
    app.screenshot("shell-03-settings");

    app.click("[data-testid=nav-sessions]");
    app.wait_for("[data-testid=page-sessions]");
    assert!(app.session().find("[data-testid=page-storage]").is_none());

    // The app created its data directory and database on first start.
    assert!(data.path().join("berth/berth.db").is_file());
}

#[test]
fn engine_badge_shows_connected_and_the_real_version() {
    let version = real_engine_version();
    let (app, _data) = launch(None);
    app.wait_for_attribute("[data-testid=engine-badge]", "data-state", "connected");
    let text = app.wait_for_text("[data-testid=engine-badge]", "connected");
    assert!(
        text.contains(&version),
        "badge {text:?} lacks version {version}"
    );
    assert!(app.session().find("[data-testid=engine-banner]").is_none());
    app.screenshot("shell-04-engine-connected");
}

#[test]
fn dead_engine_shows_the_banner_with_the_endpoint() {
    let endpoint = "unix:///nonexistent.sock";
    let (app, _data) = launch(Some(endpoint));
    app.wait_for_attribute("[data-testid=engine-badge]", "data-state", "unreachable");
    let banner = app.wait_for_text("[data-testid=engine-banner]", endpoint);
    assert!(
        banner.contains("DOCKER_HOST"),
        "banner should say what to do: {banner}"
    );
    app.screenshot("shell-05-engine-unreachable");
}
