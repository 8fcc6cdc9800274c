//! A benchmark dataset: an encrypted store and its plain baseline with the same generated
//! calls, built once in a folder named for the size and seed and reused by later runs.
//!
//! `manifest.json` records what was built and, for both stores, the numbers of sample cases:
//! short ones (one to three calls) for lookups, and ones of exactly ten calls for histories.

use std::path::{Path, PathBuf};

use helpline_core::{CaseNumber, Passphrase, Session, Store};
use serde::{Deserialize, Serialize};

use crate::generate::{Generator, LONG_CASE_CALLS};
use crate::plain::PlainStore;
use crate::Result;

pub const USER: &str = "bench";
pub const PASSPHRASE: &str = "benchmark passphrase";
/// Cases written per transaction while loading.
const BATCH_CASES: usize = 2_000;
/// How many sample cases of each kind the manifest keeps.
const SAMPLES: usize = 64;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub calls: usize,
    pub cases: usize,
    pub seed: u64,
    /// Short cases: (number in the encrypted store, number in the baseline).
    pub short_cases: Vec<(String, String)>,
    /// Cases of exactly ten calls.
    pub long_cases: Vec<(String, String)>,
    /// Bytes on disk right after loading (database and WAL): the encrypted store, the baseline.
    pub bytes_encrypted: u64,
    pub bytes_plain: u64,
}

pub struct Dataset {
    pub dir: PathBuf,
    pub manifest: Manifest,
}

impl Dataset {
    pub fn folder(root: &Path, calls: usize, seed: u64) -> PathBuf {
        root.join(format!("calls-{calls}-seed-{seed}"))
    }

    /// The dataset of `calls` calls from `seed` under `root`, built first when missing.
    /// `progress` hears how many calls are written so far.
    pub fn open_or_build(
        root: &Path,
        calls: usize,
        seed: u64,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Dataset> {
        let dir = Dataset::folder(root, calls, seed);
        let manifest_file = dir.join("manifest.json");
        if let Ok(bytes) = std::fs::read(&manifest_file) {
            let manifest = serde_json::from_slice(&bytes)?;
            return Ok(Dataset { dir, manifest });
        }
        // A half-built folder (an interrupted run) is started again.
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        let passphrase = Passphrase::new(PASSPHRASE)?;
        let (mut session, _recovery) = Store::create(&dir.join("encrypted"), USER, &passphrase)?;
        let mut plain = PlainStore::create(&dir.join("plain"))?;
        let mut generator = Generator::new(seed);
        let mut manifest = Manifest {
            calls,
            cases: 0,
            seed,
            short_cases: Vec::new(),
            long_cases: Vec::new(),
            bytes_encrypted: 0,
            bytes_plain: 0,
        };
        let mut written = 0;
        while written < calls {
            let mut batch = Vec::with_capacity(BATCH_CASES);
            while batch.len() < BATCH_CASES && written < calls {
                let mut case = generator.case();
                case.truncate(calls - written);
                written += case.len();
                batch.push(case);
            }
            let sealed = session.import_cases(&batch)?;
            let plain_numbers = plain.import_cases(&batch)?;
            for ((case, sealed), plain) in batch.iter().zip(sealed).zip(plain_numbers) {
                let pair = (sealed.canonical(), plain.canonical());
                if case.len() == LONG_CASE_CALLS && manifest.long_cases.len() < SAMPLES {
                    manifest.long_cases.push(pair);
                } else if case.len() <= 3 && manifest.short_cases.len() < SAMPLES {
                    manifest.short_cases.push(pair);
                }
            }
            manifest.cases += batch.len();
            progress(written);
        }
        // Closing the last connection checkpoints the WAL into the database file.
        drop(session);
        drop(plain);
        manifest.bytes_encrypted = bytes_in(&dir.join("encrypted"))?;
        manifest.bytes_plain = bytes_in(&dir.join("plain"))?;
        std::fs::write(&manifest_file, serde_json::to_vec_pretty(&manifest)?)?;
        Ok(Dataset { dir, manifest })
    }

    pub fn encrypted_dir(&self) -> PathBuf {
        self.dir.join("encrypted")
    }

    pub fn plain_dir(&self) -> PathBuf {
        self.dir.join("plain")
    }

    pub fn unlock(&self) -> Result<Session> {
        let passphrase = Passphrase::for_unlock(PASSPHRASE)?;
        Ok(Store::open(&self.encrypted_dir())?.unlock(USER, &passphrase)?)
    }

    pub fn open_plain(&self) -> Result<PlainStore> {
        PlainStore::open(&self.plain_dir())
    }

    /// Sample case numbers: (encrypted store's, baseline's).
    pub fn samples(cases: &[(String, String)]) -> Result<Vec<(CaseNumber, CaseNumber)>> {
        cases
            .iter()
            .map(|(a, b)| Ok((CaseNumber::parse(a)?, CaseNumber::parse(b)?)))
            .collect()
    }
}

/// The bytes of every file in `dir` (the database, and a WAL if one was left).
fn bytes_in(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        total += entry?.metadata()?.len();
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use helpline_core::Month;

    #[test]
    fn both_stores_hold_the_same_calls_and_count_the_same() {
        let root = tempfile::tempdir().unwrap();
        let built = Dataset::open_or_build(root.path(), 600, 11, &mut |_| {}).unwrap();
        assert_eq!(built.manifest.calls, 600);
        assert!(
            built.manifest.bytes_encrypted > 600 * 200 && built.manifest.bytes_plain > 600 * 200
        );
        assert!(!built.manifest.long_cases.is_empty() && !built.manifest.short_cases.is_empty());
        // Built once: the second open reads the manifest.
        let again =
            Dataset::open_or_build(root.path(), 600, 11, &mut |_| panic!("rebuilt")).unwrap();
        assert_eq!(again.manifest.short_cases, built.manifest.short_cases);

        let session = built.unlock().unwrap();
        let plain = built.open_plain().unwrap();
        for (sealed, baseline) in Dataset::samples(&built.manifest.long_cases).unwrap() {
            // Row ids are random in each store; the calls and their escalations are the same.
            let strip = |calls: Vec<helpline_core::RecordedCall>| -> Vec<_> {
                calls.into_iter().map(|c| (c.call, c.escalated)).collect()
            };
            let a = strip(session.case_history(&sealed).unwrap().calls);
            let b = strip(plain.case_history(&baseline).unwrap());
            assert_eq!(a.len(), 10);
            assert!(a == b, "the histories differ");
        }
        let years = Month::new(2016, 1)
            .unwrap()
            .through(Month::new(2026, 12).unwrap());
        assert_eq!(
            session.month_counts(&years).unwrap(),
            plain.month_counts(&years).unwrap()
        );
        assert_eq!(
            session.list_cases().unwrap().len(),
            plain.list_cases().unwrap().len()
        );
    }
}
