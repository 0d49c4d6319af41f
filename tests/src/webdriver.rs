//! The few W3C WebDriver calls the tests use, over plain HTTP/JSON.

use base64::Engine as _;
use serde_json::{Value, json};
use std::path::Path;

/// W3C's key for element references in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One WebDriver session: one launched app.
pub struct Session {
    url: String,
}

/// A reference to an element in the page.
pub struct Element {
    id: String,
}

/// Sends a request; returns the response's `value`, or the WebDriver error
/// as `Err(message)`.
fn call(method: &str, url: &str, body: Option<Value>) -> Result<Value, String> {
    let request = ureq::request(method, url);
    let response = match body {
        Some(body) => request.send_json(body),
        None => request.call(),
    };
    let json: Value = match response {
        Ok(response) => response.into_json().map_err(|e| e.to_string())?,
        Err(ureq::Error::Status(_, response)) => {
            let json: Value = response.into_json().map_err(|e| e.to_string())?;
            let value = &json["value"];
            return Err(format!(
                "{}: {}",
                value["error"].as_str().unwrap_or("unknown error"),
                value["message"].as_str().unwrap_or("")
            ));
        }
        Err(e) => return Err(e.to_string()),
    };
    Ok(json["value"].clone())
}

impl Session {
    /// Starts a session that launches `application`, or says why the driver
    /// could not.
    pub fn start(base: &str, application: &Path) -> Result<Session, String> {
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "tauri:options": { "application": application }
                }
            }
        });
        let value = call("POST", &format!("{base}/session"), Some(capabilities))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| format!("the new session has no id: {value}"))?
            .to_owned();
        Ok(Session {
            url: format!("{base}/session/{id}"),
        })
    }

    /// The first element matching a CSS selector, if any.
    pub fn find(&self, css: &str) -> Option<Element> {
        let body = json!({ "using": "css selector", "value": css });
        let value = call("POST", &format!("{}/element", self.url), Some(body)).ok()?;
        let id = value[ELEMENT_KEY].as_str()?.to_owned();
        Some(Element { id })
    }

    /// Runs a script in the page and returns its result.
    pub fn execute(&self, script: &str) -> Value {
        let body = json!({ "script": script, "args": [] });
        call("POST", &format!("{}/execute/sync", self.url), Some(body))
            .unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// Runs an asynchronous script; it calls its last argument when done.
    pub fn execute_async(&self, script: &str) -> Value {
        let body = json!({ "script": script, "args": [] });
        call("POST", &format!("{}/execute/async", self.url), Some(body))
            .unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// A PNG screenshot of the window.
    pub fn screenshot(&self) -> Vec<u8> {
        let value = call("GET", &format!("{}/screenshot", self.url), None)
            .unwrap_or_else(|e| panic!("screenshot failed: {e}"));
        base64::engine::general_purpose::STANDARD
            .decode(value.as_str().expect("base64 screenshot"))
            .expect("valid base64")
    }

    /// The handles of the app's open windows.
    pub fn window_handles(&self) -> Vec<String> {
        call("GET", &format!("{}/window/handles", self.url), None)
            .unwrap_or_else(|e| panic!("cannot list windows: {e}"))
            .as_array()
            .map(|handles| {
                handles
                    .iter()
                    .filter_map(|h| h.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The handle of the window commands go to.
    pub fn window_handle(&self) -> String {
        call("GET", &format!("{}/window", self.url), None)
            .unwrap_or_else(|e| panic!("cannot read the current window: {e}"))
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Sends the following commands to another window.
    pub fn switch_to_window(&self, handle: &str) {
        let body = json!({ "handle": handle });
        call("POST", &format!("{}/window", self.url), Some(body))
            .unwrap_or_else(|e| panic!("cannot switch to window {handle}: {e}"));
    }

    /// Closes the current window, as its close button does.
    pub fn close_window(&self) {
        call("DELETE", &format!("{}/window", self.url), None)
            .unwrap_or_else(|e| panic!("cannot close the window: {e}"));
    }

    /// Ends the session, which closes the app.
    pub fn end(self) {
        // The app may already be gone; nothing to do then.
        let _ = call("DELETE", &self.url, None);
    }
}

impl Element {
    fn url(&self, session: &Session, what: &str) -> String {
        format!("{}/element/{}/{what}", session.url, self.id)
    }

    /// Clicks the element.
    pub fn click(&self, session: &Session) -> Result<(), String> {
        call("POST", &self.url(session, "click"), Some(json!({}))).map(drop)
    }

    /// Types `text` into the element, as a user's keystrokes.
    pub fn send_keys(&self, session: &Session, text: &str) {
        call(
            "POST",
            &self.url(session, "value"),
            Some(json!({ "text": text })),
        )
        .unwrap_or_else(|e| panic!("typing failed: {e}"));
    }

    /// Whether the element can be used (not `disabled`).
    pub fn is_enabled(&self, session: &Session) -> Option<bool> {
        call("GET", &self.url(session, "enabled"), None)
            .ok()?
            .as_bool()
    }

    /// The element's rendered text, if it is still in the page.
    pub fn text(&self, session: &Session) -> Option<String> {
        let value = call("GET", &self.url(session, "text"), None).ok()?;
        value.as_str().map(str::to_owned)
    }

    /// An attribute's value; `Some(None)` when the element lacks it.
    pub fn attribute(&self, session: &Session, name: &str) -> Option<Option<String>> {
        let value = call(
            "GET",
            &self.url(session, &format!("attribute/{name}")),
            None,
        )
        .ok()?;
        Some(value.as_str().map(str::to_owned))
    }
}
