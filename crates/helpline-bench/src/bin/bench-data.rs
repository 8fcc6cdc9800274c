//! Builds the benchmark datasets that are missing (the same environment variables as the
//! benchmarks: HELPLINE_BENCH_SIZES, HELPLINE_BENCH_SEED, HELPLINE_BENCH_DATA), so that the
//! timed run does not start with minutes of loading.

use std::process::ExitCode;
use std::time::Instant;

use helpline_bench::dataset::Dataset;
use helpline_bench::settings;

fn main() -> ExitCode {
    let settings = match settings::from_env() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("bench-data: {e}");
            return ExitCode::from(2);
        }
    };
    for &calls in &settings.sizes {
        let started = Instant::now();
        let built = Dataset::open_or_build(&settings.data_root, calls, settings.seed, &mut |n| {
            if n % 100_000 == 0 {
                eprintln!("bench-data: {calls} calls: {n} written");
            }
        });
        match built {
            Ok(dataset) => println!(
                "bench-data: {} calls in {} cases ready in {} ({:.0} s)",
                dataset.manifest.calls,
                dataset.manifest.cases,
                dataset.dir.display(),
                started.elapsed().as_secs_f64()
            ),
            Err(e) => {
                eprintln!("bench-data: building {calls} calls failed: {e}");
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}
