//! Printing: JSON on stdout under `--json`, text otherwise; errors the same
//! way, so scripts read one stream.

use berth_core::Error;
use serde::Serialize;

/// How the command was asked to print.
pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints a value as one JSON document on stdout.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) {
        print_json(value);
    }

    /// Prints `value` under `--json`, else the sentence `text` makes.
    pub fn value<T: Serialize + ?Sized>(&self, value: &T, text: impl FnOnce() -> String) {
        if self.json {
            print_json(value);
        } else {
            println!("{}", text());
        }
    }
}

/// Prints a value as one JSON document on stdout.
pub fn print_json<T: Serialize + ?Sized>(value: &T) {
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

/// A plain text table with left-aligned columns.
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<const N: usize>(headers: [&str; N]) -> Table {
        Table {
            rows: vec![headers.iter().map(|h| h.to_string()).collect()],
        }
    }

    pub fn row<const N: usize>(&mut self, cells: [&str; N]) {
        self.rows
            .push(cells.iter().map(|c| c.to_string()).collect());
    }

    pub fn print(&self) {
        let columns = self.rows[0].len();
        let widths: Vec<usize> = (0..columns)
            .map(|i| {
                self.rows
                    .iter()
                    .map(|r| r[i].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &self.rows {
            let line: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(cell, width)| format!("{cell:width$}"))
                .collect();
            println!("{}", line.join("  ").trim_end());
        }
    }
}

/// `1536` → `1.5 KiB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::human_bytes;

    #[test]
    fn human_bytes_uses_binary_units() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(1023), "1023 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(3 << 30), "3.0 GiB");
    }
}
