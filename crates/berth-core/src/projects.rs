//! Projects group sessions and project-type folders. A `default` project
//! always exists; the current project is kept in the settings table so the
//! CLI and the app agree on it.

use crate::{Berth, Error, Result};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

/// Name of the project every data directory starts with.
pub const DEFAULT_PROJECT: &str = "default";

const CURRENT_PROJECT_KEY: &str = "current_project";

/// A project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub created_at: String,
}

fn project_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Project> {
    Ok(Project {
        id: row.get(0)?,
        name: row.get(1)?,
        created_at: row.get(2)?,
    })
}

impl Berth {
    pub(crate) fn ensure_default_project(&self) -> Result<()> {
        self.conn().execute(
            "INSERT INTO projects (id, name) SELECT ?1, ?2
             WHERE NOT EXISTS (SELECT 1 FROM projects WHERE name = ?2)",
            params![uuid::Uuid::new_v4().to_string(), DEFAULT_PROJECT],
        )?;
        Ok(())
    }

    /// All projects, by name.
    pub fn list_projects(&self) -> Result<Vec<Project>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT id, name, created_at FROM projects ORDER BY name")?;
        let projects = stmt
            .query_map([], project_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(projects)
    }

    /// A project by name.
    pub fn project(&self, name: &str) -> Result<Project> {
        self.conn()
            .query_row(
                "SELECT id, name, created_at FROM projects WHERE name = ?1",
                [name],
                project_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                kind: "project",
                name: name.to_owned(),
            })
    }

    /// The current project: the one chosen last, or `default` when none was
    /// chosen or the chosen one no longer exists.
    pub fn current_project(&self) -> Result<Project> {
        let chosen = self
            .conn()
            .query_row(
                "SELECT p.id, p.name, p.created_at FROM settings s
                 JOIN projects p ON p.id = s.value WHERE s.key = ?1",
                [CURRENT_PROJECT_KEY],
                project_from_row,
            )
            .optional()?;
        match chosen {
            Some(project) => Ok(project),
            None => self.project(DEFAULT_PROJECT),
        }
    }

    /// Makes the named project current for the app and the CLI.
    pub fn set_current_project(&self, name: &str) -> Result<Project> {
        let project = self.project(name)?;
        self.conn().execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![CURRENT_PROJECT_KEY, project.id],
        )?;
        Ok(project)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_project_exists_once_and_is_current() {
        let tmp = tempfile::tempdir().unwrap();
        drop(Berth::open(tmp.path()).unwrap());
        let berth = Berth::open(tmp.path()).unwrap();
        let projects = berth.list_projects().unwrap();
        assert_eq!(projects.len(), 1);
        assert_eq!(projects[0].name, DEFAULT_PROJECT);
        assert_eq!(berth.current_project().unwrap(), projects[0]);
    }

    #[test]
    fn current_project_is_shared_through_the_database() {
        let tmp = tempfile::tempdir().unwrap();
        let app = Berth::open(tmp.path()).unwrap();
        app.conn()
            .execute("INSERT INTO projects (id, name) VALUES ('p2', 'ml')", [])
            .unwrap();
        let cli = Berth::open(tmp.path()).unwrap();
        cli.set_current_project("ml").unwrap();
        assert_eq!(app.current_project().unwrap().name, "ml");
    }

    #[test]
    fn unknown_project_is_not_found() {
        let tmp = tempfile::tempdir().unwrap();
        let berth = Berth::open(tmp.path()).unwrap();
        let err = berth.set_current_project("nope").unwrap_err();
        assert_eq!(err.code(), "not_found");
        assert_eq!(berth.current_project().unwrap().name, DEFAULT_PROJECT);
    }
}
