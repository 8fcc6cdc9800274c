//! The several-desks baseline: sharing calls through PostgreSQL in plain, the simplest way a
//! design without encryption would do it. A desk keeps one connection open; a finished call is
//! one `INSERT` of its plaintext JSON (with its row id and case number) into `plain_log`, in
//! its own transaction; another desk reads the rows after its position, 500 at a time as the
//! helpline's desks do, and files each batch into its plain SQLite store ([`PlainStore`]) in
//! one transaction. A new desk's first sync is the plain SQLite file, copied with `VACUUM
//! INTO`, through `plain_snapshot` in parts of 1 MiB (as an invitation's), taken back once with
//! `DELETE … RETURNING`, written and opened. No keys, no sealing, no padding.

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use helpline_core::{Call, CaseNumber};
use postgres::{Client, Statement};

use crate::plain::{PlainStore, SharedCall, DATABASE_FILE};
use crate::Result;

/// How many rows one pull reads at most: the helpline's own batch (`helpline_sync::server`).
pub const PULL_BATCH: i64 = helpline_sync::server::PULL_BATCH;
/// The parts a snapshot is stored in: the same size as an invitation's.
pub const PART_LEN: usize = helpline_sync::invitation::PART_LEN;

/// One desk's connection to the plain log, its statements prepared once.
pub struct PlainLog {
    client: Client,
    desk: String,
    insert: Statement,
    pull: Statement,
}

impl PlainLog {
    pub fn connect(address: &str, desk: &str) -> Result<PlainLog> {
        let mut client = Client::connect(address, postgres::NoTls)?;
        let insert = client.prepare(
            "INSERT INTO plain_log (call_id, desk, case_number, call) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (call_id) DO NOTHING",
        )?;
        let pull = client.prepare(
            "SELECT seq, call_id, case_number, CASE WHEN desk = $2 THEN NULL ELSE call END \
             FROM plain_log WHERE seq > $1 ORDER BY seq LIMIT $3",
        )?;
        Ok(PlainLog {
            client,
            desk: desk.to_owned(),
            insert,
            pull,
        })
    }

    /// One call, in a transaction of its own.
    pub fn push(&mut self, call_id: i64, number: &CaseNumber, call: &Call) -> Result<()> {
        let json = serde_json::to_string(call)?;
        self.client.execute(
            &self.insert,
            &[&call_id, &self.desk, &number.canonical().as_str(), &json],
        )?;
        Ok(())
    }

    /// Many calls in one transaction (setting up a catch-up).
    pub fn push_all(&mut self, calls: &[(i64, CaseNumber, Call)]) -> Result<()> {
        let mut tx = self.client.transaction()?;
        for (call_id, number, call) in calls {
            let json = serde_json::to_string(call)?;
            tx.execute(
                &self.insert,
                &[call_id, &self.desk, &number.canonical().as_str(), &json],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Reads what the other desks wrote after `cursor` and files it into `store`, a batch per
    /// transaction, until there is nothing newer; answers the calls filed and the new position.
    pub fn catch_up(&mut self, store: &mut PlainStore, mut cursor: i64) -> Result<(u64, i64)> {
        let mut filed = 0;
        loop {
            let rows = self
                .client
                .query(&self.pull, &[&cursor, &self.desk, &PULL_BATCH])?;
            let Some(last) = rows.last() else {
                break;
            };
            let last: i64 = last.get(0);
            let calls: Vec<SharedCall> = rows
                .iter()
                .filter_map(|row| {
                    let call: Option<String> = row.get(3);
                    Some(SharedCall {
                        call_id: row.get(1),
                        case_number: row.get(2),
                        call: call?,
                    })
                })
                .collect();
            filed += store.file_calls(&calls, last)?;
            cursor = last;
        }
        Ok((filed, cursor))
    }

    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }
}

/// How long each step of a plain first sync took, and how big the file was.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlainFirstSync {
    pub bytes: u64,
    /// `VACUUM INTO` of the plain store: a consistent copy of a live database.
    pub copy: Duration,
    /// Reading the copy and inserting it in parts, one transaction.
    pub upload: Duration,
    /// Taking the parts back from a second connection (`DELETE … RETURNING`).
    pub download: Duration,
    /// Writing the file (durably) and opening it as a store.
    pub open: Duration,
}

impl PlainFirstSync {
    pub fn total(&self) -> Duration {
        self.copy + self.upload + self.download + self.open
    }
}

/// A new desk's first sync in plain: the store in `from` (a plain store's folder) copied to a
/// new one in `to` through PostgreSQL, `sender` putting it there and `receiver` taking it.
pub fn first_sync(
    from: &Path,
    to: &Path,
    sender: &mut Client,
    receiver: &mut Client,
) -> Result<PlainFirstSync> {
    let mut timing = PlainFirstSync::default();
    let scratch = tempfile::tempdir_in(from.parent().unwrap_or(from))?;
    let copy_file = scratch.path().join("copy.db");

    let started = Instant::now();
    let conn = rusqlite::Connection::open(from.join(DATABASE_FILE))?;
    conn.execute("VACUUM INTO ?1", [copy_file.to_string_lossy()])?;
    drop(conn);
    timing.copy = started.elapsed();

    let started = Instant::now();
    let bytes = std::fs::read(&copy_file)?;
    timing.bytes = bytes.len() as u64;
    let id = rand::random::<[u8; 8]>().to_vec();
    let mut tx = sender.transaction()?;
    let insert =
        tx.prepare("INSERT INTO plain_snapshot (snapshot_id, part, body) VALUES ($1, $2, $3)")?;
    for (part, chunk) in bytes.chunks(PART_LEN).enumerate() {
        tx.execute(&insert, &[&id, &(part as i32), &chunk])?;
    }
    tx.commit()?;
    drop(bytes);
    timing.upload = started.elapsed();

    let started = Instant::now();
    let mut parts: Vec<(i32, Vec<u8>)> = receiver
        .query(
            "DELETE FROM plain_snapshot WHERE snapshot_id = $1 RETURNING part, body",
            &[&id],
        )?
        .iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect();
    parts.sort_by_key(|(part, _)| *part);
    timing.download = started.elapsed();

    let started = Instant::now();
    std::fs::create_dir_all(to)?;
    let mut file = std::fs::File::create(to.join(DATABASE_FILE))?;
    for (_, body) in &parts {
        file.write_all(body)?;
    }
    file.sync_all()?;
    drop((file, parts));
    PlainStore::open(to)?;
    timing.open = started.elapsed();
    Ok(timing)
}
