//! Projects group sessions and project-type folders. A `default` project
//! always exists; the current project is kept in the settings table so the
//! CLI and the app agree on it.

use crate::storage::names::validate_plain_name;
use crate::{Berth, Error, Result};
use rusqlite::{OptionalExtension, TransactionBehavior, params};
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

    /// Creates a project.
    pub fn create_project(&self, name: &str) -> Result<Project> {
        validate_plain_name(name)?;
        let inserted = self.conn().execute(
            "INSERT OR IGNORE INTO projects (id, name) VALUES (?1, ?2)",
            params![uuid::Uuid::new_v4().to_string(), name],
        )?;
        if inserted == 0 {
            return Err(Error::NameTaken {
                kind: "project",
                name: name.to_owned(),
            });
        }
        self.project(name)
    }

    /// Renames a project; folders and sessions stay with it.
    pub fn rename_project(&self, name: &str, new_name: &str) -> Result<Project> {
        validate_plain_name(new_name)?;
        let project = self.project(name)?;
        if name == DEFAULT_PROJECT {
            return Err(Error::Protected {
                what: "the name of the default project".to_owned(),
            });
        }
        let renamed = self.conn().execute(
            "UPDATE OR IGNORE projects SET name = ?2 WHERE id = ?1",
            params![project.id, new_name],
        )?;
        if renamed == 0 {
            return Err(Error::NameTaken {
                kind: "project",
                name: new_name.to_owned(),
            });
        }
        self.project(new_name)
    }

    /// Deletes an empty project; refused while it owns folders (trashed
    /// ones too) or sessions, and for `default`.
    pub fn delete_project(&self, name: &str) -> Result<()> {
        if name == DEFAULT_PROJECT {
            return Err(Error::Protected {
                what: "the default project".to_owned(),
            });
        }
        let project = self.project(name)?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let count = |table: &str| -> Result<i64> {
            Ok(tx.query_row(
                &format!("SELECT count(*) FROM {table} WHERE project_id = ?1"),
                [&project.id],
                |r| r.get(0),
            )?)
        };
        let (folders, sessions) = (count("folders")?, count("sessions")?);
        if folders + sessions > 0 {
            return Err(Error::ProjectInUse {
                name: name.to_owned(),
                reason: format!("it owns {folders} folder(s) and {sessions} session(s)"),
            });
        }
        tx.execute("DELETE FROM projects WHERE id = ?1", [&project.id])?;
        tx.commit()?;
        Ok(())
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
    fn create_rename_delete() {
        let tmp = tempfile::tempdir().unwrap();
        let berth = Berth::open(tmp.path()).unwrap();
        let ml = berth.create_project("ml").unwrap();
        assert_eq!(berth.create_project("ml").unwrap_err().code(), "name_taken");
        assert_eq!(
            berth.create_project("bad name").unwrap_err().code(),
            "invalid_name"
        );
        let renamed = berth.rename_project("ml", "vision").unwrap();
        assert_eq!(renamed.id, ml.id);
        assert_eq!(
            berth
                .rename_project("vision", "default")
                .unwrap_err()
                .code(),
            "name_taken"
        );
        assert_eq!(
            berth.rename_project("default", "x").unwrap_err().code(),
            "protected"
        );
        assert_eq!(
            berth.delete_project("default").unwrap_err().code(),
            "protected"
        );
        berth.delete_project("vision").unwrap();
        assert_eq!(berth.list_projects().unwrap().len(), 1);
    }

    #[test]
    fn deleting_a_project_that_owns_folders_is_refused() {
        use crate::storage::{FolderOptions, FolderType};
        let tmp = tempfile::tempdir().unwrap();
        let berth = Berth::open(tmp.path()).unwrap();
        let ml = berth.create_project("ml").unwrap();
        let options = FolderOptions {
            folder_type: FolderType::Project,
            ..FolderOptions::default()
        };
        berth.create_folder(&ml, "data", &options).unwrap();
        let err = berth.delete_project("ml").unwrap_err();
        assert_eq!(err.code(), "project_in_use");
        assert!(err.to_string().contains("1 folder"), "{err}");
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
