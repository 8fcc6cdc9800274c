//! The database schema, its migrations, and the one list of what may be stored in plain.

use rusqlite_migration::{Migrations, M};

/// `PRAGMA application_id` of a Helpline store ("HLPL"): tells our file from any other SQLite
/// file before anything else is read.
pub const APPLICATION_ID: i32 = 0x484C_504C;

/// Schema versions, oldest first; `PRAGMA user_version` holds how many have run.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE store_info (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    store_id BLOB NOT NULL
);
CREATE TABLE users (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role BLOB NOT NULL
);
CREATE TABLE key_slots (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('user', 'recovery')),
    user_id            INTEGER UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    kdf_memory_kib     INTEGER NOT NULL,
    kdf_iterations     INTEGER NOT NULL,
    kdf_parallelism    INTEGER NOT NULL,
    salt               BLOB NOT NULL,
    wrapped_master_key BLOB NOT NULL,
    CHECK ((kind = 'user') = (user_id IS NOT NULL))
);
CREATE UNIQUE INDEX key_slots_one_recovery ON key_slots(kind) WHERE kind = 'recovery';
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
CREATE TABLE cases (
    id           INTEGER PRIMARY KEY,
    number_index BLOB NOT NULL UNIQUE,
    wrapped_key  BLOB NOT NULL,
    number       BLOB NOT NULL,
    summary      BLOB NOT NULL
);
CREATE TABLE calls (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    month   TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    details BLOB NOT NULL,
    notes   BLOB NOT NULL
);
CREATE INDEX calls_by_case ON calls(case_id);
CREATE TABLE call_drafts (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    details BLOB NOT NULL,
    notes   BLOB NOT NULL
);
CREATE INDEX calls_by_month ON calls(month);
"#,
    // 2: the audit trail (append-only, hash-chained; see store/audit.rs).
    r#"
CREATE TABLE audit_trail (
    seq   INTEGER PRIMARY KEY CHECK (seq >= 1),
    entry BLOB NOT NULL,
    chain BLOB NOT NULL
);
"#,
    // 3: each past month's published counts, kept once counted (see store/retention.rs).
    r#"
CREATE TABLE month_counts (
    month  TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    counts BLOB NOT NULL
);
"#,
    // 4: what statistics have published, so that a published month never changes (see
    // store/publications.rs).
    r#"
CREATE TABLE publications (
    id   INTEGER PRIMARY KEY,
    body BLOB NOT NULL
);
"#,
    // 5: failed sign-ins, sealed to a public key by the unlock screen until the next session
    // enters them in the audit trail (see store/sign_in_reports.rs). The key is filled in at
    // the first session of this release.
    r#"
ALTER TABLE store_info ADD COLUMN sign_in_report_key BLOB;
CREATE TABLE failed_sign_ins (
    id     INTEGER PRIMARY KEY,
    report BLOB NOT NULL
);
"#,
    // 6: sharing the store with the helpline's other desks (see store/sync.rs): changes not
    // pushed yet, and which server record carried which case and call.
    r#"
CREATE TABLE sync_outbox (
    id        INTEGER PRIMARY KEY,
    record_id BLOB NOT NULL UNIQUE,
    change    BLOB NOT NULL
);
CREATE TABLE sync_records (
    record_id BLOB PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    call_id   INTEGER
);
CREATE INDEX sync_records_by_case ON sync_records(case_id);
CREATE INDEX sync_records_by_call ON sync_records(call_id);
"#,
];

/// Every migration, oldest first; also what the benchmarks' plain baseline is created with, so
/// that it has the very same schema.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// How a column's content is kept on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// Readable by anyone holding the file. Only what reveals nothing about a call or a caller.
    Plain(&'static str),
    /// AES-256-GCM, bound to table, row and column (see `store/sealed.rs`).
    Sealed(Sealing),
    /// HPKE, sealed to the store's public report key by the unlock screen, which holds no key;
    /// only a session opens it (see `store/sign_in_reports.rs`).
    SealedToReportKey,
}

/// How a sealed column is sealed: what `verify` needs to open every value of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sealing {
    pub key: SealKey,
    /// The column whose value the sealed one is bound to (its row's identity).
    pub bound_by: &'static str,
    /// For a record, the newest format this build reads; None for a scalar (text).
    pub record: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealKey {
    /// The store sub-key.
    Store,
    /// The audit sub-key.
    Audit,
    /// The key of the case whose id is in this column.
    Case(&'static str),
}

const fn sealed(key: SealKey, bound_by: &'static str, record: Option<u8>) -> Storage {
    Storage::Sealed(Sealing {
        key,
        bound_by,
        record,
    })
}

/// The format every record is written in so far (see `store/records.rs`); a record type that
/// moves to a new format gets its own constant, here and in its `Stored` impl.
pub const RECORD_FORMAT: u8 = 1;
const RECORD: Option<u8> = Some(RECORD_FORMAT);

/// Every column of every table, and how it is stored. This is THE allow-list of what is in
/// plain (DESIGN §4); a test checks it against the real schema, so a new column cannot be
/// added without deciding here whether it may be plain.
pub const COLUMNS: &[(&str, &str, Storage)] = &[
    ("store_info", "id", Storage::Plain("the constant 1")),
    (
        "store_info",
        "store_id",
        Storage::Plain("random id of this store"),
    ),
    (
        "store_info",
        "sign_in_report_key",
        Storage::Plain("public key that failed sign-ins are sealed to"),
    ),
    ("users", "id", Storage::Plain("random id")),
    ("users", "name", Storage::Plain("user name")),
    ("users", "role", sealed(SealKey::Store, "id", None)),
    ("key_slots", "id", Storage::Plain("random id")),
    (
        "key_slots",
        "kind",
        Storage::Plain("whether the slot is a user's or the recovery slot"),
    ),
    (
        "key_slots",
        "user_id",
        Storage::Plain("random id of the slot's user"),
    ),
    (
        "key_slots",
        "kdf_memory_kib",
        Storage::Plain("Argon2id parameter"),
    ),
    (
        "key_slots",
        "kdf_iterations",
        Storage::Plain("Argon2id parameter"),
    ),
    (
        "key_slots",
        "kdf_parallelism",
        Storage::Plain("Argon2id parameter"),
    ),
    ("key_slots", "salt", Storage::Plain("random Argon2id salt")),
    (
        "key_slots",
        "wrapped_master_key",
        Storage::Plain("wrapped key (nonce and AES-GCM ciphertext)"),
    ),
    (
        "settings",
        "name",
        Storage::Plain("name of a setting, e.g. 'referrals'"),
    ),
    ("settings", "value", sealed(SealKey::Store, "name", RECORD)),
    ("cases", "id", Storage::Plain("random id")),
    (
        "cases",
        "number_index",
        Storage::Plain("blind index: HMAC-SHA256 of the case number"),
    ),
    (
        "cases",
        "wrapped_key",
        Storage::Plain("wrapped case key (nonce and AES-GCM ciphertext)"),
    ),
    ("cases", "number", sealed(SealKey::Case("id"), "id", None)),
    (
        "cases",
        "summary",
        sealed(SealKey::Case("id"), "id", RECORD),
    ),
    ("calls", "id", Storage::Plain("random id")),
    (
        "calls",
        "case_id",
        Storage::Plain("random id of the call's case"),
    ),
    (
        "calls",
        "month",
        Storage::Plain("the month (YYYY-MM) the call belongs to"),
    ),
    (
        "calls",
        "details",
        sealed(SealKey::Case("case_id"), "id", RECORD),
    ),
    (
        "calls",
        "notes",
        sealed(SealKey::Case("case_id"), "id", None),
    ),
    ("call_drafts", "id", Storage::Plain("random id")),
    (
        "call_drafts",
        "case_id",
        Storage::Plain("random id of the case the unfinished call is on"),
    ),
    (
        "call_drafts",
        "details",
        sealed(SealKey::Case("case_id"), "id", RECORD),
    ),
    (
        "call_drafts",
        "notes",
        sealed(SealKey::Case("case_id"), "id", None),
    ),
    (
        "audit_trail",
        "seq",
        Storage::Plain("position in the trail"),
    ),
    (
        "audit_trail",
        "entry",
        sealed(SealKey::Audit, "seq", RECORD),
    ),
    (
        "audit_trail",
        "chain",
        Storage::Plain("HMAC-SHA256 chaining this entry to the one before"),
    ),
    (
        "month_counts",
        "month",
        Storage::Plain("a past month whose statistics are counted"),
    ),
    (
        "month_counts",
        "counts",
        sealed(SealKey::Store, "month", RECORD),
    ),
    ("publications", "id", Storage::Plain("random id")),
    ("publications", "body", sealed(SealKey::Store, "id", RECORD)),
    ("failed_sign_ins", "id", Storage::Plain("random id")),
    ("failed_sign_ins", "report", Storage::SealedToReportKey),
    ("sync_outbox", "id", Storage::Plain("random id")),
    (
        "sync_outbox",
        "record_id",
        Storage::Plain("random id the change will have on the helpline's server"),
    ),
    (
        "sync_outbox",
        "change",
        sealed(SealKey::Store, "id", RECORD),
    ),
    (
        "sync_records",
        "record_id",
        Storage::Plain("random id of a record on the helpline's server"),
    ),
    (
        "sync_records",
        "case_id",
        Storage::Plain("random id of the case the record carried"),
    ),
    (
        "sync_records",
        "call_id",
        Storage::Plain("random id of the call the record carried, if a call"),
    ),
];

/// One object of a schema as SQLite keeps it in `sqlite_schema`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct SchemaObject {
    kind: String,
    name: String,
    sql: Option<String>,
}

impl SchemaObject {
    fn describe(&self) -> String {
        format!("{} {:?}", self.kind, self.name)
    }
}

/// Every object of the main schema. The planner's statistics tables (`ANALYZE`) are left out:
/// SQLite makes them itself and they hold no rows of ours.
fn schema_objects(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut statement = conn.prepare(
        "SELECT type, name, sql FROM main.sqlite_schema \
         WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let objects = statement
        .query_map([], |r| {
            Ok(SchemaObject {
                kind: r.get(0)?,
                name: r.get(1)?,
                sql: r.get(2)?,
            })
        })?
        .collect();
    objects
}

/// How the schema of `conn` differs from the one this build's migrations make: each object
/// that was added, removed or changed, in words. Empty for a file only Helpline has written.
/// A trigger that ignores deletes, a view or a table beside ours all show here.
pub(super) fn changes(conn: &rusqlite::Connection) -> crate::error::Result<Vec<String>> {
    let mut made = rusqlite::Connection::open_in_memory()?;
    migrations()
        .to_latest(&mut made)
        .map_err(|e| crate::error::Error::Storage(format!("creating the schema: {e}")))?;
    let expected = schema_objects(&made)?;
    let found = schema_objects(conn)?;
    let mut changes = Vec::new();
    for object in &found {
        match expected
            .iter()
            .find(|e| e.kind == object.kind && e.name == object.name)
        {
            None => changes.push(format!("{} that Helpline never made", object.describe())),
            Some(made) if made.sql != object.sql => {
                changes.push(format!("{} changed", object.describe()));
            }
            Some(_) => {}
        }
    }
    for object in &expected {
        if !found
            .iter()
            .any(|f| f.kind == object.kind && f.name == object.name)
        {
            changes.push(format!("{} missing", object.describe()));
        }
    }
    Ok(changes)
}

/// Refuses a file whose schema is not the one the migrations made (see [`changes`]).
pub(super) fn check(conn: &rusqlite::Connection) -> crate::error::Result<()> {
    match changes(conn)?.into_iter().next() {
        Some(change) => Err(crate::error::Error::SchemaChanged { change }),
        None => Ok(()),
    }
}
