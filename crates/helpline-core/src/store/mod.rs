//! The encrypted case store: one SQLite file per data folder, in which everything sensitive is
//! sealed (DESIGN §4). A [`Store`] is an opened, locked file; [`Store::unlock`] gives a
//! [`Session`], which holds the keys until it is dropped or locked.

//!
//! Layers, each using only those below it: `schema` and `sealed` (how values are sealed and
//! versioned) and `records` (the stored types); `settings`, `audit`, `month_counts` and
//! `sync_rows` and `case_rows` (rows, inside a caller's transaction); `verify` and `counting`; then the
//! session's operations (`session`, `cases`, `retention`, `publications`, `publishing`,
//! `backup`).

mod audit;
pub mod backup;
mod case_rows;
mod cases;
mod counting;
mod month_counts;
pub mod publications;
pub mod publishing;
mod records;
mod retention;
mod schema;
mod sealed;
mod session;
mod settings;
mod sign_in_reports;
mod slot_owners;
mod sync;
mod sync_rows;
mod user_names;
mod verify;

use std::fs::{self, OpenOptions};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

pub use crate::case::{
    mark_escalations, CallDraft, CaseHistory, CaseList, CaseOverview, CaseQuery, CaseSummary,
    RecordedCall,
};
pub use audit::{
    AuditAction, AuditEntry, AuditProblem, AuditProblemKind, AuditReport, SignInFailure,
};
pub use cases::ForgottenCase;
pub use publications::Publication;
pub use publishing::{ExportRecord, Publishing};
pub use retention::RetentionRun;
pub use schema::{migrations, SealKey, Sealing, Storage, COLUMNS};
pub use session::{Session, UserSummary, VerifyReport};
pub use sync::{AppliedChanges, IncomingChange, KnownDesk, OutgoingChange, SyncSettings};
pub use verify::DamagedPlace;

use crate::crypto::{
    self, KdfParams, Passphrase, RecoveryCode, SecretKey, SignInReportKeys, SlotSecret, SubKeys,
};
use crate::domain::{Code, HelplineSettings, Role};
use crate::error::{Error, Result};

/// The database file's name inside a data folder.
pub const DATABASE_FILE: &str = "helpline.db";
/// Removes the store in `dir` (its database file and SQLite's files beside it), for a store just
/// restored that could not be signed in to; best effort, as the folder held no store before.
pub fn remove_store(dir: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("{DATABASE_FILE}{suffix}")));
    }
}

/// How many unlocks have failed since the last success, kept beside the database so that the
/// slow-down survives a restart. It holds one number and nothing about any call.
const FAILED_UNLOCKS_FILE: &str = "failed-unlocks";
/// The longest a failed unlock is made to wait.
const MAX_UNLOCK_DELAY: std::time::Duration = std::time::Duration::from_secs(30);

/// Longest user name, in characters.
pub const MAX_USER_NAME_CHARS: usize = 64;

/// A user name: 1 to 64 characters, no control characters, no leading or trailing space.
pub fn check_user_name(name: &str) -> Result<&str> {
    if name.is_empty() {
        return Err(Error::InvalidUserName("a user name cannot be empty"));
    }
    if name.chars().count() > MAX_USER_NAME_CHARS {
        return Err(Error::InvalidUserName(
            "a user name has at most 64 characters",
        ));
    }
    if name.trim() != name || name.chars().any(char::is_control) {
        return Err(Error::InvalidUserName(
            "a user name has no control characters and no spaces at its ends",
        ));
    }
    Ok(name)
}

/// An opened, locked store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Whether `dir` holds a store (the first-run set-up is needed when not).
    pub fn exists(dir: &Path) -> bool {
        dir.join(DATABASE_FILE).exists()
    }

    /// Creates a new store in `dir` with its first user, a supervisor. Returns the unlocked
    /// session and the recovery code, which is not kept anywhere and must be shown once.
    pub fn create(
        dir: &Path,
        user_name: &str,
        passphrase: &Passphrase,
    ) -> Result<(Session, RecoveryCode)> {
        check_user_name(user_name)?;
        let path = dir.join(DATABASE_FILE);
        if path.exists() {
            return Err(Error::StoreExists(dir.display().to_string()));
        }
        create_private_dir(dir)?;
        // Created empty with owner-only permissions; SQLite gives its -wal and -shm files the
        // same permissions as the database file.
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    Error::StoreExists(dir.display().to_string())
                } else {
                    Error::from(e)
                }
            })?;
        let mut conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        configure(&conn)?;
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        schema::migrations()
            .to_latest(&mut conn)
            .map_err(|e| Error::Storage(format!("creating the schema: {e}")))?;

        let master = SecretKey::random();
        let keys = SubKeys::derive(&master);
        let recovery = RecoveryCode::random();
        let store_id = crypto::random_bytes::<16>();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO store_info (id, store_id, sign_in_report_key) VALUES (1, ?1, ?2)",
            params![&store_id[..], SignInReportKeys::derive(&keys).public_key()],
        )?;
        let user_id = session::insert_user(&tx, &keys, user_name, Role::Supervisor)?;
        write_slot(
            &tx,
            &store_id,
            Some(user_id),
            &SlotSecret::Passphrase(passphrase),
            &master,
        )?;
        write_slot(
            &tx,
            &store_id,
            None,
            &SlotSecret::Recovery(&recovery),
            &master,
        )?;
        settings::write(&tx, &keys, settings::HELPLINE, &HelplineSettings::default())?;
        tx.commit()?;

        let store = Store { conn, path };
        let session = Session::new(
            store,
            master,
            user_id,
            user_name.to_owned(),
            Role::Supervisor,
        );
        Ok((session, recovery))
    }

    /// Opens the store in `dir`, locked. Tells a missing store, a file that is not a store and
    /// a store from a newer version apart; brings an older schema up to date.
    pub fn open(dir: &Path) -> Result<Store> {
        let path = dir.join(DATABASE_FILE);
        if !path.exists() {
            return Err(Error::NoStore(dir.display().to_string()));
        }
        let not_a_store = || Error::NotAStore(path.display().to_string());
        // "Not a database" is a stranger file; anything else SQLite says (a corrupt page, a
        // truncated file) is a damaged store, and says so.
        let classify = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => not_a_store(),
            _ => Error::from(e),
        };
        let mut conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(classify)?;
        // The first read of a file that is not SQLite fails here.
        let application_id: i32 = conn
            .pragma_query_value(None, "application_id", |row| row.get(0))
            .map_err(classify)?;
        if application_id != schema::APPLICATION_ID {
            return Err(not_a_store());
        }
        let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if version > schema::latest_version() {
            return Err(Error::NewerSchema {
                found: version,
                supported: schema::latest_version(),
            });
        }
        configure(&conn)?;
        schema::migrations()
            .to_latest(&mut conn)
            .map_err(|e| match e {
                rusqlite_migration::Error::RusqliteError { err, .. } => Error::from(err),
                other => Error::Storage(format!("updating the schema: {other}")),
            })?;
        // A trigger that ignores deletes, or a table that copies rows aside, would make every
        // later promise of forgetting false; such a file is not opened at all.
        schema::check(&conn)?;
        Ok(Store { conn, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Failed unlocks since the last success, in this data folder.
    pub fn failed_unlocks(dir: &Path) -> u32 {
        fs::read_to_string(dir.join(FAILED_UNLOCKS_FILE))
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0)
    }

    /// How long to hold back the answer to a failed unlock: 1 s after the first failure,
    /// doubling up to 30 s, until an unlock succeeds; also across restarts.
    pub fn unlock_delay(dir: &Path) -> std::time::Duration {
        match Store::failed_unlocks(dir) {
            0 => std::time::Duration::ZERO,
            n => std::time::Duration::from_secs(1u64 << (n - 1).min(5)).min(MAX_UNLOCK_DELAY),
        }
    }

    /// Unlocks with a user's passphrase. An unknown user and a wrong passphrase are different
    /// errors: user names are not secret (they are stored in plain), passphrases are. Each
    /// failure is counted in the data folder (see [`Store::unlock_delay`]) and reported to the
    /// audit trail (see `store/sign_in_reports.rs`).
    pub fn unlock(self, user_name: &str, passphrase: &Passphrase) -> Result<Session> {
        let opened = self.open_for(user_name, &SlotSecret::Passphrase(passphrase));
        let (master, user, name, role) = self.note_sign_in(user_name, opened)?;
        let session = Session::new(self, master, user, name, role);
        session.write(|w| {
            w.enter_sign_in_reports()?;
            w.bind_key_slots_once()?;
            w.audit(AuditAction::SignedIn)
        })?;
        Ok(session)
    }

    /// Counts a failed sign-in and reports it, or clears the count after a success.
    fn note_sign_in<T>(&self, typed_name: &str, result: Result<T>) -> Result<T> {
        let dir = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let reason = match &result {
            Ok(_) => {
                note_unlock(&dir, true);
                return result;
            }
            Err(Error::UnknownUser(_)) => SignInFailure::UnknownUser,
            Err(Error::WrongPassphrase) => SignInFailure::WrongPassphrase,
            Err(Error::WrongRecoveryCode) => SignInFailure::WrongRecoveryCode,
            Err(_) => return result,
        };
        note_unlock(&dir, false);
        // The person at the screen is told why the sign-in failed either way; a report that
        // cannot be written (a full disk) must not turn that answer into a storage error.
        let _ = sign_in_reports::report(&self.conn, typed_name, reason);
        result
    }

    /// The master key a user's passphrase (or, with `user_name` only naming the user, the
    /// recovery code) opens, with that user's id, name as set up, and role.
    fn open_for(
        &self,
        user_name: &str,
        secret: &SlotSecret<'_>,
    ) -> Result<(SecretKey, i64, String, Role)> {
        let (user, user_name) = user_names::find_user(&self.conn, user_name)?
            .ok_or_else(|| Error::UnknownUser(user_name.to_owned()))?;
        let master = match secret {
            SlotSecret::Passphrase(_) => self
                .open_slot("user_id = ?1", params![user], secret)?
                .ok_or(Error::WrongPassphrase)?,
            SlotSecret::Recovery(_) => self
                .open_slot("kind = 'recovery'", params![], secret)?
                .ok_or(Error::WrongRecoveryCode)?,
        };
        let role = session::read_role(&self.conn, &SubKeys::derive(&master), user)?;
        Ok((master, user, user_name, role))
    }

    /// Opens the store with the recovery code and gives `user_name` a new passphrase; for when
    /// every passphrase is forgotten. The session is that user's.
    pub fn recover(
        self,
        code: &RecoveryCode,
        user_name: &str,
        new_passphrase: &Passphrase,
    ) -> Result<Session> {
        let opened = self.open_for(user_name, &SlotSecret::Recovery(code));
        let (master, user, name, role) = self.note_sign_in(user_name, opened)?;
        let session = Session::new(self, master, user, name, role);
        session.write(|w| {
            w.enter_sign_in_reports()?;
            w.bind_key_slots_once()
        })?;
        session.set_own_passphrase(new_passphrase, AuditAction::RecoveryCodeUsed)?;
        Ok(session)
    }

    /// Finds one slot and tries the secret on it. None: the secret does not open it.
    fn open_slot(
        &self,
        condition: &str,
        args: &[&dyn rusqlite::ToSql],
        secret: &SlotSecret<'_>,
    ) -> Result<Option<SecretKey>> {
        let sql = format!(
            "SELECT id, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, wrapped_master_key \
             FROM key_slots WHERE {condition}"
        );
        let slot = self
            .conn
            .query_row(&sql, args, |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    KdfParams {
                        memory_kib: row.get(1)?,
                        iterations: row.get(2)?,
                        parallelism: row.get(3)?,
                    },
                    row.get::<_, Vec<u8>>(4)?,
                    row.get::<_, Vec<u8>>(5)?,
                ))
            })
            .optional()
            .map_err(|_| Error::DamagedRecord {
                table: "key_slots",
                row: 0,
                column: "kdf_memory_kib",
            })?;
        let Some((slot_id, params, salt, wrapped)) = slot else {
            return Err(Error::KeySlotMissing);
        };
        if !params.is_sane() || salt.len() != crypto::SALT_LEN {
            return Err(Error::DamagedRecord {
                table: "key_slots",
                row: slot_id,
                column: "kdf_memory_kib",
            });
        }
        let kek = crypto::derive_slot_key(secret, &salt, params)?;
        let aad = slot_place(&self.store_id()?, slot_id);
        let Some(master) = crypto::unwrap_key(&kek, &aad, &wrapped) else {
            return Ok(None);
        };
        // The slot opened: it must also be the one its row's user was given.
        slot_owners::check(&self.conn, &SubKeys::derive(&master), slot_id)?;
        Ok(Some(master))
    }

    pub(super) fn store_id(&self) -> Result<Vec<u8>> {
        self.conn
            .query_row("SELECT store_id FROM store_info WHERE id = 1", [], |row| {
                row.get(0)
            })
            .optional()?
            .ok_or(Error::DamagedRecord {
                table: "store_info",
                row: 1,
                column: "store_id",
            })
    }
}

/// Counts a failed unlock, or clears the count after a success. Best effort: a folder where the
/// count cannot be written still unlocks, and still reports the unlock's own error.
fn note_unlock(dir: &Path, succeeded: bool) {
    let file = dir.join(FAILED_UNLOCKS_FILE);
    if succeeded {
        let _ = fs::remove_file(&file);
        return;
    }
    let count = Store::failed_unlocks(dir).saturating_add(1);
    let _ = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&file)
        .and_then(|mut out| {
            std::io::Write::write_all(&mut out, count.to_string().as_bytes())?;
            out.sync_all()
        });
}

/// Slots are bound to their store as well as their row, so a slot copied in from another store
/// does not open.
fn slot_place(store_id: &[u8], slot_id: i64) -> Vec<u8> {
    let store_hex: String = store_id.iter().map(|b| format!("{b:02x}")).collect();
    crypto::place(
        "key_slots",
        &format!("{store_hex}:{slot_id}"),
        "wrapped_master_key",
    )
}

/// Writes (or rewrites) the slot of `user_id`, or the recovery slot when None, with a new salt.
fn write_slot(
    conn: &Connection,
    store_id: &[u8],
    user_id: Option<i64>,
    secret: &SlotSecret<'_>,
    master: &SecretKey,
) -> Result<()> {
    let params_now = KdfParams::CURRENT;
    let salt = crypto::random_bytes::<{ crypto::SALT_LEN }>();
    let kek = crypto::derive_slot_key(secret, &salt, params_now)?;
    let slot_id = crypto::random_row_id();
    let wrapped = crypto::wrap_key(&kek, &slot_place(store_id, slot_id), master);
    let kind = if user_id.is_some() {
        "user"
    } else {
        "recovery"
    };
    let replaced: Option<i64> = conn
        .query_row(
            "SELECT id FROM key_slots WHERE kind = ?1 AND user_id IS ?2",
            params![kind, user_id],
            |r| r.get(0),
        )
        .optional()?;
    // One statement either way, so a crash never leaves a user without a slot.
    let rewritten = conn.execute(
        "UPDATE key_slots SET id = ?1, kdf_memory_kib = ?2, kdf_iterations = ?3, kdf_parallelism = ?4, \
         salt = ?5, wrapped_master_key = ?6 WHERE kind = ?7 AND user_id IS ?8",
        params![slot_id, params_now.memory_kib, params_now.iterations, params_now.parallelism, &salt[..], wrapped, kind, user_id],
    )?;
    if rewritten == 0 {
        conn.execute(
            "INSERT INTO key_slots (id, kind, user_id, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, wrapped_master_key) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![slot_id, kind, user_id, params_now.memory_kib, params_now.iterations, params_now.parallelism, &salt[..], wrapped],
        )?;
    }
    let keys = SubKeys::derive(master);
    slot_owners::bind(conn, &keys, slot_id, replaced)?;
    sync_rows::share_slot(conn, &keys, slot_id)
}

/// The connection settings of DESIGN §4, for every connection.
fn configure(conn: &Connection) -> Result<()> {
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Storage(format!(
            "the store needs WAL journaling, SQLite chose {mode}"
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    // Sorting and temporary tables stay in memory, never in a temp file beside the store.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

fn create_private_dir(dir: &Path) -> Result<()> {
    if !dir.exists() {
        fs::create_dir_all(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Every role's code, for argument parsing in the CLI and the shell.
pub fn parse_role(code: &str) -> Result<Role> {
    Role::from_code(code).ok_or_else(|| Error::InvalidInput {
        field: "role",
        reason: "a role is 'volunteer' or 'supervisor'".into(),
    })
}

#[cfg(test)]
mod correction_tests;
#[cfg(test)]
mod damage_tests;
#[cfg(test)]
mod follow_up_tests;
#[cfg(test)]
mod record_tests;
#[cfg(test)]
mod retention_tests;
#[cfg(test)]
mod sync_tests;
#[cfg(test)]
mod tests;
