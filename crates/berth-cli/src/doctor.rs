//! `berth doctor`: where the data is, which schema, which hosts, and whether
//! the engine answers. Exits 1 when it does not.

use crate::Outcome;
use crate::output::print_json;
use berth_core::engine::{self, EngineStatus};
use berth_core::storage::StorageHost;
use berth_core::{Berth, Result};
use serde::Serialize;

#[derive(Serialize)]
struct Report {
    data_dir: String,
    database_path: String,
    schema_version: i32,
    storage_hosts: Vec<StorageHost>,
    engine: EngineStatus,
}

pub async fn run(berth: &Berth, json: bool) -> Result<Outcome> {
    let info = berth.info()?;
    let report = Report {
        data_dir: info.data_dir,
        database_path: info.database_path,
        schema_version: info.schema_version,
        storage_hosts: berth.list_storage_hosts()?,
        engine: engine::status_from_env().await,
    };
    if json {
        print_json(&report);
    } else {
        print_text(&report);
    }
    Ok(Outcome::success_if(report.engine.is_connected()))
}

fn print_text(report: &Report) {
    println!("data dir        {}", report.data_dir);
    println!(
        "database        {} (schema v{})",
        report.database_path, report.schema_version
    );
    for host in &report.storage_hosts {
        println!("storage host    {}  {}", host.name, host.path);
    }
    match &report.engine {
        EngineStatus::Connected { info } => {
            println!("engine endpoint {}", info.endpoint);
            println!(
                "engine          reachable: {} {} (API {}), {}, {} CPUs, {:.1} GiB",
                info.name,
                info.version,
                info.api_version,
                info.os,
                info.cpus,
                info.memory_bytes as f64 / f64::from(1u32 << 30)
            );
        }
        EngineStatus::Unreachable {
            endpoint,
            error,
            hint,
        } => {
            println!("engine endpoint {endpoint}");
            println!(
                "engine          UNREACHABLE [{}]: {}",
                error.code, error.message
            );
            println!("                {hint}");
        }
    }
}
