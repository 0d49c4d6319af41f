//! `berth project list | create | use | rename | delete`.

use crate::Outcome;
use crate::output::{Output, Table};
use berth_core::{Berth, Result};
use clap::Subcommand;
use serde_json::json;

#[derive(Subcommand)]
pub enum ProjectCommand {
    /// List projects; the current one is marked.
    List,
    /// Create a project.
    Create { name: String },
    /// Make a project current for the app and the CLI.
    Use { name: String },
    /// Rename a project.
    Rename { name: String, new_name: String },
    /// Delete a project that owns no folders or sessions.
    Delete { name: String },
}

pub fn run(berth: &Berth, command: &ProjectCommand, out: &Output) -> Result<Outcome> {
    match command {
        ProjectCommand::List => {
            let current = berth.current_project()?;
            let projects = berth.list_projects()?;
            if out.json {
                let rows: Vec<_> = projects
                    .iter()
                    .map(|p| json!({"id": p.id, "name": p.name, "created_at": p.created_at, "current": p.id == current.id}))
                    .collect();
                out.json(&rows);
            } else {
                let mut table = Table::new(["", "NAME", "CREATED"]);
                for p in &projects {
                    let mark = if p.id == current.id { "*" } else { "" };
                    table.row([mark, &p.name, &p.created_at]);
                }
                table.print();
            }
        }
        ProjectCommand::Create { name } => {
            let project = berth.create_project(name)?;
            out.value(&project, || format!("created project {}", project.name));
        }
        ProjectCommand::Use { name } => {
            let project = berth.set_current_project(name)?;
            out.value(&project, || format!("current project: {}", project.name));
        }
        ProjectCommand::Rename { name, new_name } => {
            let project = berth.rename_project(name, new_name)?;
            out.value(&project, || {
                format!("renamed project {name} to {}", project.name)
            });
        }
        ProjectCommand::Delete { name } => {
            berth.delete_project(name)?;
            out.value(&json!({ "deleted": name }), || {
                format!("deleted project {name}")
            });
        }
    }
    Ok(Outcome::SUCCESS)
}
