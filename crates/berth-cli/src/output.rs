//! Printing: JSON on stdout under `--json`, text otherwise; errors the same
//! way, so scripts read one stream.

use berth_core::Error;
use serde::Serialize;

/// Prints a value as one JSON document on stdout.
pub fn print_json<T: Serialize>(value: &T) {
    // Serialising our own plain data types cannot fail.
    let text = serde_json::to_string_pretty(value).expect("serialisable output");
    println!("{text}");
}

/// Prints an error: `{"error":{"code","message"}}` on stdout under `--json`,
/// else `error: message [code]` on stderr.
pub fn print_error(error: &Error, json: bool) {
    if json {
        print_json(&serde_json::json!({ "error": error.payload() }));
    } else {
        eprintln!("error: {error} [{}]", error.code());
    }
}
