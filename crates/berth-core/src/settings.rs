//! The user's preferences for the desktop app: terminal font size and
//! theme, and whether session events raise desktop notifications. Kept in
//! the `settings` table as one JSON value, so every window (and a later
//! start) sees the same choices.

use crate::{Berth, Error, Result};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;
use ts_rs::TS;

const UI_SETTINGS_KEY: &str = "ui";

/// Font sizes a terminal accepts, in CSS pixels.
pub const TERMINAL_FONT_SIZES: RangeInclusive<u8> = 8..=32;

/// Colours of the terminal window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TerminalTheme {
    /// Follows the system's light or dark scheme.
    System,
    Dark,
    Light,
}

/// The desktop app's preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct UiSettings {
    pub terminal_font_size: u8,
    pub terminal_theme: TerminalTheme,
    /// Session events also go to the desktop's notification server; the
    /// in-app list gets them either way.
    pub desktop_notifications: bool,
}

impl Default for UiSettings {
    fn default() -> Self {
        UiSettings {
            terminal_font_size: 14,
            terminal_theme: TerminalTheme::Dark,
            desktop_notifications: true,
        }
    }
}

impl UiSettings {
    /// Refuses values the app cannot show.
    pub fn validate(&self) -> Result<()> {
        if !TERMINAL_FONT_SIZES.contains(&self.terminal_font_size) {
            return Err(Error::InvalidSetting {
                name: "terminal_font_size",
                reason: format!(
                    "{} is outside {}–{}",
                    self.terminal_font_size,
                    TERMINAL_FONT_SIZES.start(),
                    TERMINAL_FONT_SIZES.end()
                ),
            });
        }
        Ok(())
    }
}

impl Berth {
    /// The saved preferences, or the defaults for what was never saved.
    pub fn ui_settings(&self) -> Result<UiSettings> {
        let value: Option<String> = self
            .conn()
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [UI_SETTINGS_KEY],
                |row| row.get(0),
            )
            .optional()?;
        // A value written by another version that no longer parses falls
        // back to the defaults rather than keeping the window from opening.
        Ok(value
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default())
    }

    /// Checks and saves the preferences.
    pub fn set_ui_settings(&self, settings: &UiSettings) -> Result<UiSettings> {
        settings.validate()?;
        let value = serde_json::to_string(settings).expect("settings serialise");
        self.conn().execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![UI_SETTINGS_KEY, value],
        )?;
        Ok(settings.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_until_saved_then_what_was_saved() {
        let tmp = tempfile::tempdir().unwrap();
        let berth = Berth::open(tmp.path()).unwrap();
        assert_eq!(berth.ui_settings().unwrap(), UiSettings::default());
        let chosen = UiSettings {
            terminal_font_size: 18,
            terminal_theme: TerminalTheme::Light,
            desktop_notifications: false,
        };
        berth.set_ui_settings(&chosen).unwrap();
        drop(berth);
        let berth = Berth::open(tmp.path()).unwrap();
        assert_eq!(berth.ui_settings().unwrap(), chosen);
    }

    #[test]
    fn a_font_size_out_of_range_is_refused_and_nothing_changes() {
        let tmp = tempfile::tempdir().unwrap();
        let berth = Berth::open(tmp.path()).unwrap();
        for size in [0, 7, 33, 255] {
            let bad = UiSettings {
                terminal_font_size: size,
                ..UiSettings::default()
            };
            let error = berth.set_ui_settings(&bad).unwrap_err();
            assert_eq!(error.code(), "invalid_setting");
            assert!(error.to_string().contains("terminal_font_size"), "{error}");
        }
        assert_eq!(berth.ui_settings().unwrap(), UiSettings::default());
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        let parsed: UiSettings = serde_json::from_str(r#"{"terminal_font_size":20}"#).unwrap();
        assert_eq!(parsed.terminal_font_size, 20);
        assert!(parsed.desktop_notifications);
    }
}
