//! Desktop notifications against a notification server on the test's own
//! session bus: a ready session is announced, clicking the notification
//! opens its terminal window, the in-app centre lists the same events, and
//! turning desktop notifications off in Settings leaves only the centre.

use berth_e2e::{App, Containers, Launch, NotificationServer, launch_request, testid};

#[test]
fn ready_notification_opens_the_terminal_and_the_setting_turns_them_off() {
    let mut server = NotificationServer::start();
    let tmp = tempfile::tempdir().unwrap();
    let data_dir = tmp.path().join("berth");
    let _containers = Containers {
        data_dir: data_dir.clone(),
    };
    let app = App::launch(&Launch {
        data_dir,
        docker_host: None,
        test_hooks: false,
    });
    app.wait_for(&testid("sessions-empty"));
    app.invoke("start_session", launch_request("e2e-notify", None, &[]));

    let shown = server.wait_for("Session e2e-notify is ready");
    assert_eq!(shown.app_name, "Berth");
    assert!(
        shown.actions.iter().any(|a| a == "default"),
        "a click on the notification is its default action: {shown:?}"
    );

    // The centre in the header has the same event.
    app.click(&testid("notice-bell"));
    app.wait_for(&testid("notice-ready-e2e-notify"));
    app.screenshot("notifications-01-centre");
    app.click(&testid("notice-bell"));

    // Clicking the desktop notification opens the session's terminal.
    let main = app.session().window_handle();
    let known = app.session().window_handles();
    server.invoke(shown.id, "default");
    let window = app.wait_for_new_window(&known);
    app.session().switch_to_window(&window);
    app.wait_for("[data-testid=terminal-pane][data-state=live]");
    app.screenshot("notifications-02-terminal");
    app.session().close_window();
    app.session().switch_to_window(&main);

    // With desktop notifications off, a batch session's end reaches only
    // the centre, with its exit code.
    app.click(&testid("nav-settings"));
    app.click(&testid("settings-desktop-notifications"));
    app.wait_for_attribute(
        &testid("settings-desktop-notifications"),
        "aria-checked",
        "false",
    );
    app.invoke(
        "start_session",
        launch_request("e2e-batch", Some("echo done; exit 3"), &[]),
    );
    app.click(&testid("notice-bell"));
    app.wait_for_text(&testid("notice-ended-e2e-batch"), "3");
    app.screenshot("notifications-03-batch-ended");
    let leaked: Vec<_> = server
        .shown()
        .into_iter()
        .filter(|n| n.summary.contains("e2e-batch"))
        .collect();
    assert!(leaked.is_empty(), "notifications are off: {leaked:?}");
}
