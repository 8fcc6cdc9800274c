//! Where the benchmarks keep their data and which sizes they run, from the environment:
//!
//!   HELPLINE_BENCH_SIZES  store sizes in calls, comma-separated (10000,100000,1000000)
//!   HELPLINE_BENCH_SEED   the generator's seed (2026)
//!   HELPLINE_BENCH_DATA   where datasets are built and kept (target/bench-data)

use std::path::PathBuf;

pub struct Settings {
    pub sizes: Vec<usize>,
    pub seed: u64,
    pub data_root: PathBuf,
}

pub const DEFAULT_SIZES: &[usize] = &[10_000, 100_000, 1_000_000];
pub const DEFAULT_SEED: u64 = 2026;

pub fn from_env() -> Result<Settings, String> {
    let sizes = match std::env::var("HELPLINE_BENCH_SIZES") {
        Ok(text) => text
            .split(',')
            .map(|s| {
                s.trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| format!("HELPLINE_BENCH_SIZES: {s:?} is not a number of calls"))
            })
            .collect::<Result<Vec<_>, _>>()?,
        Err(_) => DEFAULT_SIZES.to_vec(),
    };
    let seed = match std::env::var("HELPLINE_BENCH_SEED") {
        Ok(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("HELPLINE_BENCH_SEED: {text:?} is not a number"))?,
        Err(_) => DEFAULT_SEED,
    };
    let data_root = std::env::var_os("HELPLINE_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data")
        });
    Ok(Settings {
        sizes,
        seed,
        data_root,
    })
}
