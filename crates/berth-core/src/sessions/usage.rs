//! Live resource usage of a running session, from the engine's container
//! statistics.

use super::model::Session;
use crate::engine::Engine;
use crate::{Error, Result};
use bollard::models::ContainerStatsResponse;
use bollard::query_parameters::StatsOptionsBuilder;
use futures_util::StreamExt;
use serde::Serialize;
use ts_rs::TS;

/// One sample of a session's usage.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SessionUsage {
    /// Percent of one CPU (200 is two CPUs fully busy).
    pub cpu_percent: f64,
    #[ts(type = "number")]
    pub memory_bytes: u64,
    #[ts(type = "number")]
    pub memory_limit_bytes: u64,
    #[ts(type = "number")]
    pub network_rx_bytes: u64,
    #[ts(type = "number")]
    pub network_tx_bytes: u64,
    #[ts(type = "number")]
    pub block_read_bytes: u64,
    #[ts(type = "number")]
    pub block_write_bytes: u64,
}

/// Takes one usage sample of a running session (the engine measures CPU
/// over about a second).
pub async fn session_usage(engine: &Engine, session: &Session) -> Result<SessionUsage> {
    let container = session.running_container()?;
    let options = StatsOptionsBuilder::new().stream(false).build();
    let mut stats = engine.streaming().stats(container, Some(options));
    match stats.next().await {
        Some(Ok(sample)) => Ok(usage_of(&sample)),
        Some(Err(e)) => Err(engine.refused_or_unreachable(e)),
        None => Err(Error::Engine("the engine sent no statistics".to_owned())),
    }
}

/// Usage figures from one statistics response.
pub fn usage_of(stats: &ContainerStatsResponse) -> SessionUsage {
    let total = |cpu: &Option<bollard::models::ContainerCpuStats>| {
        cpu.as_ref()
            .and_then(|c| c.cpu_usage.as_ref())
            .and_then(|u| u.total_usage)
            .unwrap_or(0)
    };
    let system = |cpu: &Option<bollard::models::ContainerCpuStats>| {
        cpu.as_ref().and_then(|c| c.system_cpu_usage).unwrap_or(0)
    };
    let cpu_delta = total(&stats.cpu_stats).saturating_sub(total(&stats.precpu_stats));
    let system_delta = system(&stats.cpu_stats).saturating_sub(system(&stats.precpu_stats));
    let cpus = stats
        .cpu_stats
        .as_ref()
        .and_then(|c| c.online_cpus)
        .unwrap_or(1)
        .max(1);
    let cpu_percent = if system_delta > 0 {
        cpu_delta as f64 / system_delta as f64 * f64::from(cpus) * 100.0
    } else {
        0.0
    };

    let memory = stats.memory_stats.as_ref();
    // Page cache the kernel can drop is not the program's memory.
    let cache = memory
        .and_then(|m| m.stats.as_ref())
        .and_then(|s| {
            s.get("inactive_file")
                .or_else(|| s.get("total_inactive_file"))
        })
        .copied()
        .unwrap_or(0);
    let memory_bytes = memory
        .and_then(|m| m.usage)
        .unwrap_or(0)
        .saturating_sub(cache);

    let (rx, tx) = stats
        .networks
        .iter()
        .flatten()
        .fold((0, 0), |(rx, tx), (_, n)| {
            (rx + n.rx_bytes.unwrap_or(0), tx + n.tx_bytes.unwrap_or(0))
        });
    let (read, write) = stats
        .blkio_stats
        .as_ref()
        .and_then(|b| b.io_service_bytes_recursive.as_ref())
        .into_iter()
        .flatten()
        .fold((0, 0), |(read, write), entry| {
            let value = entry.value.unwrap_or(0);
            match entry.op.as_deref().map(str::to_ascii_lowercase).as_deref() {
                Some("read") => (read + value, write),
                Some("write") => (read, write + value),
                _ => (read, write),
            }
        });

    SessionUsage {
        cpu_percent,
        memory_bytes,
        memory_limit_bytes: memory.and_then(|m| m.limit).unwrap_or(0),
        network_rx_bytes: rx,
        network_tx_bytes: tx,
        block_read_bytes: read,
        block_write_bytes: write,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bollard::models::{
        ContainerBlkioStatEntry, ContainerBlkioStats, ContainerCpuStats, ContainerCpuUsage,
        ContainerMemoryStats, ContainerNetworkStats,
    };
    use std::collections::HashMap;

    fn cpu(total: u64, system: u64) -> Option<ContainerCpuStats> {
        Some(ContainerCpuStats {
            cpu_usage: Some(ContainerCpuUsage {
                total_usage: Some(total),
                ..Default::default()
            }),
            system_cpu_usage: Some(system),
            online_cpus: Some(4),
            ..Default::default()
        })
    }

    #[test]
    fn figures_come_from_deltas_and_sums() {
        let entry = |op: &str, value| ContainerBlkioStatEntry {
            op: Some(op.to_owned()),
            value: Some(value),
            ..Default::default()
        };
        let net = |rx, tx| ContainerNetworkStats {
            rx_bytes: Some(rx),
            tx_bytes: Some(tx),
            ..Default::default()
        };
        let stats = ContainerStatsResponse {
            cpu_stats: cpu(1_500, 10_000),
            precpu_stats: cpu(1_000, 8_000),
            memory_stats: Some(ContainerMemoryStats {
                usage: Some(300),
                limit: Some(1_000),
                stats: Some(HashMap::from([("inactive_file".to_owned(), 100)])),
                ..Default::default()
            }),
            networks: Some(HashMap::from([
                ("eth0".to_owned(), net(10, 20)),
                ("eth1".to_owned(), net(1, 2)),
            ])),
            blkio_stats: Some(ContainerBlkioStats {
                io_service_bytes_recursive: Some(vec![
                    entry("Read", 7),
                    entry("write", 9),
                    entry("Total", 16),
                ]),
                ..Default::default()
            }),
            ..Default::default()
        };
        let usage = usage_of(&stats);
        // 500 of 2000 system ticks, on 4 CPUs: one CPU busy.
        assert!((usage.cpu_percent - 100.0).abs() < 1e-9);
        assert_eq!(usage.memory_bytes, 200);
        assert_eq!(usage.memory_limit_bytes, 1_000);
        assert_eq!((usage.network_rx_bytes, usage.network_tx_bytes), (11, 22));
        assert_eq!((usage.block_read_bytes, usage.block_write_bytes), (7, 9));
    }

    #[test]
    fn an_empty_response_is_all_zero() {
        let usage = usage_of(&ContainerStatsResponse::default());
        assert_eq!(usage.cpu_percent, 0.0);
        assert_eq!(usage.memory_bytes, 0);
    }
}
