//! The Sessions page, the launcher and the session drawer, end to end: a
//! session is launched on the real engine with two folders mounted (one at
//! an alias, after a refused one), inspected, and terminated through the
//! window.

use berth_core::storage::FolderOptions;
use berth_e2e::{App, Containers, Launch, TEST_IMAGE, testid};
use std::path::Path;

const SESSION: &str = "e2e-session";

/// Two ready folders, made as the CLI would, before the app opens.
fn make_folders(data_dir: &Path) {
    let berth = berth_core::Berth::open(data_dir).unwrap();
    let project = berth.current_project().unwrap();
    for name in ["user1-ml-test", "user2-vfolder"] {
        berth
            .create_folder(&project, name, &FolderOptions::default())
            .unwrap();
    }
}

#[test]
fn launch_with_two_folders_inspect_and_terminate() {
    let tmp = tempfile::tempdir().unwrap();
    let data_dir = tmp.path().join("berth");
    make_folders(&data_dir);
    let containers = Containers {
        data_dir: data_dir.clone(),
    };
    let app = App::launch(&Launch {
        data_dir: data_dir.clone(),
        docker_host: None,
        test_hooks: false,
    });
    app.wait_for(&testid("sessions-empty"));
    // The webview's storage outlives the data directory; start from the
    // launcher's defaults, not from an earlier run's choices.
    app.session()
        .execute("window.localStorage.removeItem('berth.launcher'); return true;");

    // 1. Session type.
    app.click(&testid("start-session"));
    app.wait_for("[data-testid=launcher][data-step=type]");
    app.type_into(&testid("launcher-name"), SESSION);
    app.screenshot("sessions-01-type");
    app.click(&testid("launcher-next"));

    // 2. Environment and resources.
    app.wait_for("[data-testid=launcher][data-step=environment]");
    app.type_into(&format!("{} input", testid("launcher-image")), TEST_IMAGE);
    app.screenshot("sessions-02-environment");
    app.click(&testid("launcher-next"));

    // 3. Data and storage: both folders, a refused alias, then a good one.
    app.wait_for("[data-testid=launcher][data-step=storage]");
    app.wait_for(&testid("launcher-no-mounts"));
    app.click(&testid("launcher-folder-select-user1-ml-test"));
    app.click(&testid("launcher-folder-select-user2-vfolder"));
    app.wait_gone(&testid("launcher-no-mounts"));
    app.type_into(&testid("launcher-alias-user2-vfolder"), "/etc");
    app.wait_for("[data-testid=launcher-problem-user2-vfolder][data-code=alias_reserved]");
    app.wait_for_text(&testid("launcher-storage-problems"), "/etc");
    app.screenshot("sessions-03-storage-refused-alias");
    app.type_into(&testid("launcher-alias-user2-vfolder"), "/workspace");
    app.wait_gone(&testid("launcher-problem-user2-vfolder"));
    app.wait_gone(&testid("launcher-storage-problems"));
    app.screenshot("sessions-04-storage");
    app.click(&testid("launcher-next"));

    // 4. Network.
    app.wait_for("[data-testid=launcher][data-step=network]");
    app.screenshot("sessions-05-network");
    app.click(&testid("launcher-next"));

    // 5. Confirm: every mount with its final target.
    app.wait_for("[data-testid=launcher][data-step=confirm]");
    app.wait_for_text(
        &testid("launcher-summary-mount-user1-ml-test"),
        "/home/work/user1-ml-test",
    );
    app.wait_for_text(
        &testid("launcher-summary-mount-user2-vfolder"),
        "/workspace",
    );
    app.screenshot("sessions-06-confirm");
    app.click(&testid("launcher-launch"));
    app.wait_gone("[data-testid=launcher]");

    // The row follows the launch until the container runs.
    app.wait_for(&testid(&format!("session-row-{SESSION}")));
    app.wait_for_attribute(
        &testid(&format!("session-status-{SESSION}")),
        "data-status",
        "RUNNING",
    );
    app.screenshot("sessions-07-running");
    assert_eq!(containers.ids().len(), 1, "one container for the session");

    // The drawer lists both mounts where they landed.
    app.click(&testid(&format!("session-open-{SESSION}")));
    app.wait_for_text(
        &testid("session-mount-target-user1-ml-test"),
        "/home/work/user1-ml-test",
    );
    app.wait_for_text(&testid("session-mount-target-user2-vfolder"), "/workspace");
    app.wait_for_attribute(&testid("session-drawer-status"), "data-status", "RUNNING");
    // Let the launch notice fade, so the picture shows the drawer's header.
    app.wait_gone(".ant-message-notice");
    app.screenshot("sessions-08-drawer");
    app.click(&testid("session-drawer-tab-logs"));
    app.wait_for(&testid("session-logs-refresh"));
    app.screenshot("sessions-09-logs");

    // Terminate from the drawer; the session moves to Finished.
    app.click(&testid("session-drawer-tab-overview"));
    app.terminate_in_drawer();
    app.wait_gone(&testid(&format!("session-row-{SESSION}")));
    app.click(&testid("sessions-tab-finished"));
    app.wait_for_attribute(
        &testid(&format!("session-status-{SESSION}")),
        "data-status",
        "TERMINATED",
    );
    app.screenshot("sessions-10-finished");

    // Relaunch offers the same settings again: the mounts and their aliases.
    app.click(&testid(&format!("session-relaunch-{SESSION}")));
    app.wait_for(&format!("[data-testid=launcher][data-relaunch={SESSION}]"));
    for step in ["environment", "storage", "network", "confirm"] {
        app.click(&testid("launcher-next"));
        app.wait_for(&format!("[data-testid=launcher][data-step={step}]"));
    }
    app.wait_for_text(
        &testid("launcher-summary-mount-user2-vfolder"),
        "/workspace",
    );
    app.wait_for_text(
        &testid("launcher-summary-mount-user1-ml-test"),
        "/home/work/user1-ml-test",
    );
    app.screenshot("sessions-11-relaunch");
    app.click(&testid("launcher-cancel"));
    app.wait_gone("[data-testid=launcher]");
    assert!(
        containers.ids().is_empty(),
        "termination removes the container"
    );
}
