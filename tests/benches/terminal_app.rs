//! The terminal window under a flood: about 10 MiB of `seq` output in the
//! real app, measured two ways in the same run:
//!
//! - the time until the last line is on the screen, against `docker exec`
//!   of the same command into `/dev/null` (a time ratio);
//! - how long the window takes to answer WebDriver commands while the flood
//!   renders, against the same commands while it is idle (aim: every answer
//!   within 1 s).
//!
//! Run with `scripts/bench-terminal-app.sh`, which builds the app and starts
//! the engine, Xvfb and a session bus.

use berth_e2e::{App, Containers, Launch, testid};
use std::process::Command;
use std::time::{Duration, Instant};

const SESSION: &str = "bench-flood";
/// `seq 1 1400000` prints 10,088,895 bytes (one more per line on a TTY).
const FLOOD: &str = "seq 1 1400000";
/// Printed only once the flood is over; the command line itself shows
/// `$((40+2))`, not the number.
const DONE: &str = "flood-done-42";
const DONE_COMMAND: &str = "echo flood-done-$((40+2))";
const IDLE_SAMPLES: usize = 20;

fn screen(app: &App) -> String {
    app.session()
        .execute("return window.__berthTerminalText();")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// One WebDriver round trip through the window's page.
fn answer_time(app: &App) -> Duration {
    let start = Instant::now();
    app.session().execute("return document.readyState;");
    start.elapsed()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let data_dir = tmp.path().join("berth");
    let containers = Containers {
        data_dir: data_dir.clone(),
    };
    let app = App::launch(&Launch {
        data_dir,
        docker_host: None,
        test_hooks: true,
    });
    app.wait_for(&testid("sessions-empty"));
    app.start_running_session(SESSION, &[]);
    app.click(&testid(&format!("session-open-{SESSION}")));
    app.open_terminal_window();
    app.wait_for_script_text("window.__berthTerminalText()", "#");

    let idle: Vec<Duration> = (0..IDLE_SAMPLES).map(|_| answer_time(&app)).collect();
    let idle_median = median(idle.clone());
    let idle_max = idle.iter().max().copied().unwrap_or_default();

    let input = app.wait_for(".xterm-helper-textarea");
    let start = Instant::now();
    input.send_keys(app.session(), &format!("{FLOOD}; {DONE_COMMAND}\u{E007}"));
    let mut during = Vec::new();
    loop {
        during.push(answer_time(&app));
        if screen(&app).contains(DONE) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "the flood did not reach the screen within 5 minutes"
        );
    }
    let rendered = start.elapsed();
    let busy_median = median(during.clone());
    let busy_max = during.iter().max().copied().unwrap_or_default();

    let container = containers
        .ids()
        .into_iter()
        .next()
        .expect("the session's container");
    let start = Instant::now();
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("docker exec {container} {FLOOD} > /dev/null"))
        .status()
        .expect("the docker CLI");
    let reference = start.elapsed();
    assert!(status.success(), "docker exec failed");

    println!("terminal window under a flood ({FLOOD}, about 10 MiB)");
    println!(
        "last line on screen   Berth {:8.1} ms   docker exec > /dev/null {:8.1} ms   ratio {:.2}",
        ms(rendered),
        ms(reference),
        rendered.as_secs_f64() / reference.as_secs_f64()
    );
    println!(
        "window answers        idle median {:6.1} ms, max {:6.1} ms   during the flood median {:6.1} ms, max {:6.1} ms ({} commands; aim: max under 1000 ms)",
        ms(idle_median),
        ms(idle_max),
        ms(busy_median),
        ms(busy_max),
        during.len()
    );
    app.screenshot("bench-terminal-flood");
}
