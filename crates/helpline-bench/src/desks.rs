//! Two desks of one helpline made from a dataset, for the several-desks benchmarks: desk A is
//! a copy of the dataset's encrypted store, connected to a new database on the benchmark's
//! server; desk B joined from A's invitation (so B starts with every call A has). Beside them,
//! the plain baseline's two desks: copies of the dataset's plain store, each with its own
//! connection to the plain log.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use helpline_app::Helpline;
use helpline_core::{Call, CaseNumber, Passphrase, Session, Store};
use tempfile::TempDir;
use zeroize::Zeroizing;

use crate::dataset::{Dataset, PASSPHRASE, USER};
use crate::plain::PlainStore;
use crate::plain_sync::PlainLog;
use crate::server::{BenchDatabase, ServerEnv};
use crate::{BenchError, Result};

pub fn passphrase() -> Zeroizing<String> {
    Zeroizing::new(PASSPHRASE.to_owned())
}

/// Copies the files of a store's folder (the database, and a WAL if one was left).
pub fn copy_store(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// How long a new desk's first sync took: the invitation at the inviting desk (a sync, the
/// sealed snapshot, its parts put on the server) and the join at the new one (the parts taken,
/// opened and restored, the sign-in, a sync).
#[derive(Debug, Clone, Copy)]
pub struct JoinTiming {
    pub invite: Duration,
    pub join: Duration,
}

/// Desk A invites a new desk in data folder `folder`, which joins.
pub fn invite_and_join(
    a: &mut Helpline,
    address: &str,
    folder: PathBuf,
) -> Result<(Helpline, JoinTiming)> {
    let started = Instant::now();
    let invitation = a.invite_desk("New desk").map_err(BenchError::app)?;
    let invite = started.elapsed();
    let mut b = Helpline::new(folder);
    let started = Instant::now();
    b.join_helpline(address, &invitation.code, USER, passphrase())
        .map_err(BenchError::app)?;
    let join = started.elapsed();
    Ok((b, JoinTiming { invite, join }))
}

/// Desk A, a copy of `dataset`'s store in `folder`, unlocked and connected to `database`.
pub fn first_desk(dataset: &Dataset, database: &BenchDatabase, folder: &Path) -> Result<Helpline> {
    copy_store(&dataset.encrypted_dir(), folder)?;
    let mut a = Helpline::new(folder.to_path_buf());
    a.unlock(USER, passphrase()).map_err(BenchError::app)?;
    a.connect_desk(&database.desk_address, "Office")
        .map_err(BenchError::app)?;
    Ok(a)
}

/// Two desks of one helpline, holding `dataset`'s calls.
pub struct Desks {
    pub a: Helpline,
    pub b: Helpline,
    /// How B's first sync went.
    pub joined: JoinTiming,
    pub database: BenchDatabase,
    scratch: TempDir,
}

impl Desks {
    pub fn new(env: &ServerEnv, dataset: &Dataset, root: &Path) -> Result<Desks> {
        let scratch = tempfile::Builder::new().prefix("desks-").tempdir_in(root)?;
        let database = BenchDatabase::create(env, &format!("c{}", dataset.manifest.calls))?;
        let mut a = first_desk(dataset, &database, &scratch.path().join("a"))?;
        let (b, joined) =
            invite_and_join(&mut a, &database.desk_address, scratch.path().join("b"))?;
        Ok(Desks {
            a,
            b,
            joined,
            database,
            scratch,
        })
    }

    pub fn scratch(&self) -> &Path {
        self.scratch.path()
    }
}

/// The baseline's two desks: plain stores holding `dataset`'s calls, each with its own
/// connection to the plain log.
pub struct PlainDesks {
    pub a: PlainDesk,
    pub b: PlainDesk,
    _scratch: TempDir,
}

/// One desk of the baseline: its plain store, its connection, and how far it has read.
pub struct PlainDesk {
    pub store: PlainStore,
    pub log: PlainLog,
    pub cursor: i64,
}

impl PlainDesks {
    pub fn new(database: &BenchDatabase, dataset: &Dataset, root: &Path) -> Result<PlainDesks> {
        let scratch = tempfile::Builder::new()
            .prefix("plain-desks-")
            .tempdir_in(root)?;
        let desk = |name: &str| -> Result<PlainDesk> {
            let dir = scratch.path().join(name);
            copy_store(&dataset.plain_dir(), &dir)?;
            Ok(PlainDesk {
                store: PlainStore::open(&dir)?,
                log: PlainLog::connect(&database.plain_address, name)?,
                cursor: 0,
            })
        };
        Ok(PlainDesks {
            a: desk("a")?,
            b: desk("b")?,
            _scratch: scratch,
        })
    }
}

impl PlainDesk {
    /// A call ended here, on a new case, and pushed: its case's number.
    pub fn record_and_push(&mut self, call: &Call) -> Result<CaseNumber> {
        let (number, id) = self.store.add_call(None, call)?;
        self.log.push(id, &number, call)?;
        Ok(number)
    }

    /// Whole cases of calls written here in one transaction (a bulk load, to set up a
    /// catch-up quickly), then pushed in one transaction.
    pub fn import_and_push(&mut self, cases: &[Vec<Call>]) -> Result<()> {
        let mut written = Vec::new();
        for ((number, ids), case) in self
            .store
            .import_cases_with_calls(cases)?
            .into_iter()
            .zip(cases)
        {
            for (id, call) in ids.into_iter().zip(case) {
                written.push((id, number.clone(), call.clone()));
            }
        }
        self.log.push_all(&written)
    }

    /// Reads and files everything the other desks wrote after this desk's position.
    pub fn catch_up(&mut self) -> Result<u64> {
        let (filed, cursor) = self.log.catch_up(&mut self.store, self.cursor)?;
        self.cursor = cursor;
        Ok(filed)
    }
}

/// A second session on a desk's store (the desk's own `Helpline` holds the first), for what
/// the application layer does not offer: a bulk load, whose calls go to the outbox as any.
pub fn store_session(desk: &Helpline) -> Result<Session> {
    let passphrase = Passphrase::for_unlock(PASSPHRASE)?;
    Ok(Store::open(desk.data_dir())?.unlock(USER, &passphrase)?)
}

/// Desk A writes whole cases of calls, each call durably as it ends (`record_call`): with
/// sync connected, each also goes to A's outbox.
pub fn write_cases(a: &mut Helpline, cases: &[Vec<Call>]) -> Result<Vec<String>> {
    let mut numbers = Vec::with_capacity(cases.len());
    for case in cases {
        let mut number: Option<String> = None;
        for call in case {
            let written = a
                .record_call(number.as_deref(), call)
                .map_err(BenchError::app)?;
            number = Some(written.case_number);
        }
        numbers.extend(number);
    }
    Ok(numbers)
}
