//! Several desks, one helpline (DESIGN §8): setting up the helpline's server, connecting the
//! first desk, inviting and joining others, and syncing. The rules live here once, for the app
//! and the CLI: only supervisors connect and invite; a sync pushes this desk's outbox before
//! it pulls, so a desk's own change is on the server before anything newer is filed over it.

use std::io::Write as _;

use helpline_core::crypto::{self, SecretKey};
use helpline_core::store::{IncomingChange, SyncSettings};
use helpline_sync::record;
use helpline_sync::server::{self, NewRecord};
use helpline_sync::{InvitationCode, InvitationHeader, Server, SyncError};
use serde::Serialize;
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::error::AppError;
use crate::{check_length, Helpline, SignedIn};

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    /// Changes of this desk the server holds now.
    pub pushed: u64,
    /// Calls from other desks filed here.
    pub calls: u64,
    /// Cases forgotten at other desks and destroyed here.
    pub forgotten: u64,
    /// The position in the server's log this desk has read up to.
    pub cursor: i64,
}

/// This desk's place in the helpline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatusView {
    pub connected: bool,
    pub desk_name: Option<String>,
    pub desk_id: Option<String>,
    /// The server's address, without its password.
    pub server: Option<String>,
    pub cursor: i64,
    /// Changes written here that the server does not hold yet.
    pub pending: u64,
    /// Things two desks changed while apart, where this desk's change replaced the other's.
    pub conflicts: Vec<SyncConflictView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncConflictView {
    /// `case_state` or `settings`.
    pub what: String,
    /// The case's reference in the audit trail, for `case_state`.
    pub case: Option<String>,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A desk of the helpline, as this desk knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskView {
    pub desk_id: String,
    pub name: String,
    pub this_desk: bool,
    pub removed: bool,
}

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvitationView {
    /// Shown once; the server keeps only what it opens, sealed.
    pub code: String,
    pub desk_name: String,
}

impl From<SyncError> for AppError {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Core(core) => core.into(),
            other => AppError::new(other.code(), other.to_string()),
        }
    }
}

fn random_id() -> String {
    data_encoding::HEXLOWER.encode(&crypto::random_bytes::<16>())
}

fn epoch_key(settings: &SyncSettings, epoch: u32) -> Result<SecretKey, AppError> {
    settings
        .epoch_keys
        .iter()
        .find(|(e, _)| *e == epoch)
        .and_then(|(_, hex)| SecretKey::from_hex(hex))
        .ok_or_else(|| SyncError::RecordDamaged.into())
}

fn newest_epoch(settings: &SyncSettings) -> Result<u32, AppError> {
    Ok(settings
        .epoch_keys
        .iter()
        .map(|(e, _)| *e)
        .max()
        .ok_or(SyncError::RecordDamaged)?)
}

/// This desk's sync settings; an error when it is not connected, or was removed.
fn connected(session: &helpline_core::Session) -> Result<SyncSettings, AppError> {
    let settings = session
        .sync_settings()?
        .ok_or_else(|| AppError::from(SyncError::NotConnected))?;
    if settings.removed {
        return Err(SyncError::DeskRemoved.into());
    }
    Ok(settings)
}

fn check_desk_name(name: &str) -> Result<&str, AppError> {
    check_length("deskName", name)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 60 || name.chars().any(char::is_control) {
        return Err(AppError::invalid_argument(
            "a desk's name is 1 to 60 characters, such as \"Office\" or \"Sara's laptop\"",
        ));
    }
    Ok(name)
}

/// Lends the one `Helpline` for a moment: the shell's mutex, or the CLI's own.
pub trait Lend {
    fn lend<T>(&self, f: impl FnOnce(&mut Helpline) -> Result<T, AppError>) -> Result<T, AppError>;
}

impl Lend for std::cell::RefCell<&mut Helpline> {
    fn lend<T>(&self, f: impl FnOnce(&mut Helpline) -> Result<T, AppError>) -> Result<T, AppError> {
        f(&mut self.borrow_mut())
    }
}

/// One sync, in steps: the local ones (reading the outbox, marking it pushed, filing a batch)
/// borrow the `Helpline` for a moment; the network ones (connecting, pushing, pulling) hold
/// nothing, so a volunteer's call never waits for the server. A step that finds the store
/// locked meanwhile ends the sync; what was pushed and not yet marked is pushed again next
/// time, and the server keeps one copy.
pub fn sync_in_steps(helpline: &impl Lend) -> Result<SyncReport, AppError> {
    let mut settings = helpline.lend(|h| {
        let session = h.session()?;
        let settings = connected(session)?;
        // A desk restored from its own backup has a new key pair: the others learn it.
        if !session.desk_announced()? {
            session.announce_desk()?;
        }
        Ok(settings)
    })?;
    let mut server = Server::connect(&settings.server)?;
    // Once is enough, but a desk restored from a backup has a new id.
    server.register_desk(&settings.desk_id)?;
    let mut report = SyncReport {
        pushed: push_outbox(helpline, &mut server, &settings)?,
        ..SyncReport::default()
    };
    let mut deletes_waiting = false;

    let mut cursor = settings.cursor;
    loop {
        let batch = server.pull(&settings.desk_id, cursor)?;
        if batch.is_empty() {
            break;
        }
        // Records are opened up to the first whose epoch this desk has no key for yet: the
        // removal of a desk before it, once filed, brings that key.
        let mut incoming = Vec::with_capacity(batch.len());
        let mut last = cursor;
        for logged in batch {
            if let Some(body) = logged.body {
                let Ok(key) = epoch_key(&settings, logged.epoch) else {
                    break;
                };
                incoming.push(IncomingChange {
                    body: record::open(
                        &key,
                        &settings.helpline_id,
                        logged.epoch,
                        &logged.record_id,
                        &body,
                    )?,
                    record_id: logged.record_id,
                });
            }
            last = logged.seq;
        }
        if last == cursor {
            return Err(SyncError::RecordDamaged.into());
        }
        let (applied, now) = helpline.lend(|h| {
            let session = h.session()?;
            let applied = session.apply_changes(&incoming, last)?;
            Ok((applied, connected(session)?))
        })?;
        settings = now;
        deletes_waiting |= applied.server_deletes > 0;
        report.calls += applied.calls;
        report.forgotten += applied.forgotten;
        cursor = last;
    }
    if deletes_waiting {
        push_outbox(helpline, &mut server, &settings)?;
    }
    report.cursor = cursor;
    Ok(report)
}

/// Pushes the outbox in one transaction, then marks it pushed; answers how many records went.
fn push_outbox(
    helpline: &impl Lend,
    server: &mut Server,
    settings: &SyncSettings,
) -> Result<u64, AppError> {
    let outbox = helpline.lend(|h| Ok(h.session()?.outbox()?))?;
    if outbox.is_empty() {
        return Ok(0);
    }
    let newest = newest_epoch(settings)?;
    let mut sealed = Vec::new();
    for change in &outbox {
        let Some(body) = &change.body else { continue };
        let epoch = change.epoch.unwrap_or(newest);
        let key = epoch_key(settings, epoch)?;
        sealed.push((
            &change.record_id,
            epoch,
            record::seal(&key, &settings.helpline_id, epoch, &change.record_id, body),
        ));
    }
    let records: Vec<NewRecord<'_>> = sealed
        .iter()
        .map(|(record_id, epoch, body)| NewRecord {
            record_id,
            epoch: *epoch,
            body,
        })
        .collect();
    let deletes: Vec<Vec<u8>> = outbox.iter().flat_map(|c| c.deletes.clone()).collect();
    server.push(&settings.desk_id, &records, &deletes)?;
    let ids: Vec<Vec<u8>> = outbox.iter().map(|c| c.record_id.clone()).collect();
    helpline.lend(|h| Ok(h.session()?.pushed(&ids)?))?;
    Ok(records.len() as u64)
}

impl Helpline {
    /// Sets up the helpline's server with the address of its administrator (the database's
    /// owner), and answers the address every desk connects with (as the desks' role, with a
    /// new random password). No store is needed: this is the server's, not a desk's.
    pub fn init_server(admin_address: &str) -> Result<Zeroizing<String>, AppError> {
        let password =
            Zeroizing::new(data_encoding::BASE32_NOPAD.encode(&crypto::random_bytes::<20>()));
        Server::init(admin_address, &password)?;
        Ok(Zeroizing::new(server::desk_address(
            admin_address,
            &password,
        )?))
    }

    /// Makes this desk the first of a helpline whose server was just set up (supervisors).
    pub fn connect_desk(
        &mut self,
        address: &str,
        desk_name: &str,
    ) -> Result<SyncStatusView, AppError> {
        check_length("address", address)?;
        let desk_name = check_desk_name(desk_name)?;
        self.require_supervisor()?;
        let session = self.session()?;
        if session.sync_settings()?.is_some() {
            return Err(SyncError::AlreadyConnected.into());
        }
        let mut server = Server::connect(address)?;
        if server.head()? != 0 {
            return Err(SyncError::ServerInUse.into());
        }
        let settings = SyncSettings {
            server: address.to_owned(),
            helpline_id: random_id(),
            desk_id: random_id(),
            desk_name: desk_name.to_owned(),
            cursor: 0,
            epoch_keys: vec![(1, SecretKey::random().to_hex().to_string())],
            desks: Vec::new(),
            removed: false,
            conflicts: Vec::new(),
        };
        server.register_desk(&settings.desk_id)?;
        session.set_sync_settings(&settings)?;
        session.announce_desk()?;
        self.sync_status()
    }

    pub fn sync_status(&mut self) -> Result<SyncStatusView, AppError> {
        let session = self.session()?;
        let settings = session.sync_settings()?;
        let pending = if settings.is_some() {
            session.outbox()?.len() as u64
        } else {
            0
        };
        Ok(SyncStatusView {
            connected: settings.is_some(),
            desk_name: settings.as_ref().map(|s| s.desk_name.clone()),
            desk_id: settings.as_ref().map(|s| s.desk_id.clone()),
            server: settings.as_ref().map(|s| server::redacted(&s.server)),
            cursor: settings.as_ref().map_or(0, |s| s.cursor),
            pending,
            conflicts: settings
                .iter()
                .flat_map(|s| &s.conflicts)
                .map(|c| SyncConflictView {
                    what: c.what.clone(),
                    case: c.case.clone(),
                    at: c.at,
                })
                .collect(),
        })
    }

    /// The conflicts are seen to (supervisors); the status shows none until the next.
    pub fn clear_sync_conflicts(&mut self) -> Result<SyncStatusView, AppError> {
        self.session()?.clear_sync_conflicts()?;
        self.sync_status()
    }

    /// Pushes what this desk wrote, then files what the others wrote (see [`sync_in_steps`]).
    pub fn sync_now(&mut self) -> Result<SyncReport, AppError> {
        sync_in_steps(&std::cell::RefCell::new(self))
    }

    /// A new address for the helpline's server (supervisors), checked by connecting to it.
    pub fn set_server_address(&mut self, address: &str) -> Result<SyncStatusView, AppError> {
        check_length("address", address)?;
        self.require_supervisor()?;
        Server::connect(address)?.head()?;
        self.session()?.set_server_address(address)?;
        self.sync_status()
    }

    /// After a backup of a connected desk was restored: the restored store is a new desk.
    pub(crate) fn restored_desk(&mut self) -> Result<(), AppError> {
        let session = self.session()?;
        if session.sync_settings()?.is_some() {
            session.become_new_desk(&random_id())?;
        }
        Ok(())
    }

    /// The desks of the helpline this desk has heard of.
    pub fn desks(&mut self) -> Result<Vec<DeskView>, AppError> {
        let settings = connected(self.session()?)?;
        Ok(settings
            .desks
            .iter()
            .map(|d| DeskView {
                desk_id: d.desk_id.clone(),
                name: d.name.clone(),
                this_desk: d.desk_id == settings.desk_id,
                removed: d.removed,
            })
            .collect())
    }

    /// Removes a desk, named by its id or its name (supervisors), and syncs, so the other
    /// desks get the new key. The server marks it removed. What it already had, it keeps:
    /// every case and call it synced until now, and the keys of the epochs before.
    pub fn remove_desk(&mut self, desk: &str) -> Result<Vec<DeskView>, AppError> {
        check_length("desk", desk)?;
        self.require_supervisor()?;
        let matching: Vec<DeskView> = self
            .desks()?
            .into_iter()
            .filter(|d| !d.removed && (d.desk_id == desk || d.name == desk))
            .collect();
        let target =
            match matching.as_slice() {
                [one] => one.desk_id.clone(),
                [] => {
                    return Err(AppError::invalid_argument(
                        "there is no such desk in this helpline (or it was removed already)",
                    ))
                }
                _ => return Err(AppError::invalid_argument(
                    "two desks have that name; name the desk by its id (`desk list` shows them)",
                )),
            };
        let session = self.session()?;
        session.remove_desk(&target)?;
        let address = connected(session)?.server;
        Server::connect(&address)?.remove_desk(&target)?;
        self.sync_now()?;
        self.desks()
    }

    /// Invites a new desk (supervisors): syncs first, so the snapshot holds everything up to
    /// a known position of the log, and puts the snapshot on the server sealed under a new
    /// one-time code, which is answered and kept nowhere else.
    pub fn invite_desk(&mut self, desk_name: &str) -> Result<InvitationView, AppError> {
        let desk_name = check_desk_name(desk_name)?.to_owned();
        self.require_supervisor()?;
        self.sync_now()?;
        let parent = self
            .data_dir
            .parent()
            .unwrap_or(&self.data_dir)
            .to_path_buf();
        let session = self.session()?;
        let settings = session
            .sync_settings()?
            .ok_or_else(|| AppError::from(SyncError::NotConnected))?;
        let folder = tempfile::tempdir_in(&parent).map_err(|e| {
            AppError::new(
                crate::error::BACKUP_FAILED,
                format!("making the invitation's snapshot: {e}"),
            )
        })?;
        let snapshot_file = folder.path().join("snapshot");
        session.backup(&snapshot_file)?;
        let snapshot = Zeroizing::new(std::fs::read(&snapshot_file).map_err(|e| {
            AppError::new(
                crate::error::BACKUP_FAILED,
                format!("reading the invitation's snapshot: {e}"),
            )
        })?);
        let code = InvitationCode::random();
        let chunks: Vec<&[u8]> = snapshot
            .chunks(helpline_sync::invitation::PART_LEN)
            .collect();
        let header = InvitationHeader {
            helpline_id: settings.helpline_id.clone(),
            desk_name: desk_name.clone(),
            cursor: settings.cursor,
            epoch_keys: settings.epoch_keys.clone(),
            desks: settings.desks.clone(),
            parts: chunks.len() as u32,
        };
        let header_json = Zeroizing::new(
            serde_json::to_vec(&header).map_err(|e| AppError::invalid_argument(e.to_string()))?,
        );
        let mut parts = vec![code.seal_part(0, &header_json)];
        for (n, chunk) in chunks.iter().enumerate() {
            parts.push(code.seal_part(n as u32 + 1, chunk));
        }
        Server::connect(&settings.server)?.put_invitation(&code.id, &parts)?;
        Ok(InvitationView {
            code: code.display().to_string(),
            desk_name,
        })
    }

    /// The joined desk's own settings, announced, and a first sync.
    fn connect_joined(
        &mut self,
        server: &mut Server,
        address: &str,
        code: &InvitationCode,
        header: InvitationHeader,
    ) -> Result<(), AppError> {
        server.redeem_invitation(&code.id)?;
        let settings = SyncSettings {
            server: address.to_owned(),
            helpline_id: header.helpline_id,
            desk_id: random_id(),
            desk_name: header.desk_name,
            cursor: header.cursor,
            epoch_keys: header.epoch_keys,
            // The inviting desk's list, as it was at the snapshot; this desk adds itself.
            desks: header.desks,
            removed: false,
            conflicts: Vec::new(),
        };
        server.register_desk(&settings.desk_id)?;
        let session = self.session()?;
        session.join_with(&settings)?;
        session.announce_desk()?;
        self.sync_now()?;
        Ok(())
    }

    /// Sets this computer up as a new desk of a helpline, from a one-time invitation: its
    /// snapshot becomes this desk's store (the data folder must hold none), the user signs in
    /// with the passphrase they have at the other desks, and the desk syncs. The invitation is
    /// used up once the desk has joined; a wrong passphrase leaves it for another try.
    pub fn join_helpline(
        &mut self,
        address: &str,
        invitation: &str,
        user_name: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<SignedIn, AppError> {
        // Everything is checked before the server is asked.
        for (field, text) in [
            ("address", address),
            ("invitation", invitation),
            ("userName", user_name),
            ("passphrase", passphrase.as_str()),
        ] {
            check_length(field, text)?;
        }
        self.refuse_unless_first_run()?;
        let code = InvitationCode::parse(invitation)?;
        let mut server = Server::connect(address)?;
        // Read first and used up only once the desk has joined, so that a mistyped passphrase
        // does not cost the invitation.
        let parts = server.read_invitation(&code.id)?;
        let header: InvitationHeader = serde_json::from_slice(&code.open_part(0, &parts[0])?)
            .map_err(|_| SyncError::InvitationUnknown)?;
        if parts.len() != header.parts as usize + 1 {
            return Err(SyncError::InvitationUnknown.into());
        }
        let parent = self
            .data_dir
            .parent()
            .unwrap_or(&self.data_dir)
            .to_path_buf();
        std::fs::create_dir_all(&parent).map_err(|e| {
            AppError::new(
                crate::error::BACKUP_FAILED,
                format!("{}: {e}", parent.display()),
            )
        })?;
        let mut snapshot = tempfile::NamedTempFile::new_in(&parent).map_err(|e| {
            AppError::new(
                crate::error::BACKUP_FAILED,
                format!("{}: {e}", parent.display()),
            )
        })?;
        for (n, sealed) in parts.iter().enumerate().skip(1) {
            snapshot
                .write_all(&code.open_part(n as u32, sealed)?)
                .map_err(|e| AppError::new(crate::error::BACKUP_FAILED, e.to_string()))?;
        }
        let signed_in = self.restore_snapshot(snapshot.path(), user_name, passphrase, None)?;
        // A desk that joined only halfway is no desk: its store goes again, so that the folder
        // can join with a new invitation.
        if let Err(e) = self.connect_joined(&mut server, address, &code, header) {
            self.lock();
            helpline_core::store::remove_store(&self.data_dir);
            let _ = std::fs::remove_file(self.data_dir.join("desk-key"));
            return Err(e);
        }
        Ok(signed_in)
    }
}
