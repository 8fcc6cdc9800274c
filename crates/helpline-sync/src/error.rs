//! The sync layer's one error type, each variant with a stable code the UI translates.

pub type Result<T, E = SyncError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("the helpline's server cannot be reached ({0}); this desk goes on working and syncs when it can")]
    ServerUnreachable(String),
    #[error("the helpline's server refused the request ({0}); check that the server was set up with `helpline server init` and that this desk has not been removed")]
    ServerRefused(String),
    #[error("the server address {0:?} is neither a local socket nor this computer; a connection over the network needs TLS with a pinned certificate, which this version does not make yet")]
    ServerNeedsTls(String),
    #[error("that is not a server address Helpline can use: {0}")]
    ServerAddressInvalid(String),
    #[error("that is not an invitation: check it with the supervisor who made it (39 letters and digits, in groups of four)")]
    InvitationInvalid,
    #[error("there is no such invitation on the server: it was used already, withdrawn when a case was forgotten, or made for another server; ask for a new one")]
    InvitationUnknown,
    #[error("a record from the helpline's server does not open with this desk's keys; nothing of it was kept")]
    RecordDamaged,
    #[error("this desk was removed from the helpline by a supervisor; it keeps what it had but syncs no more")]
    DeskRemoved,
    #[error("this desk is not connected to a helpline's server; a supervisor connects it (`desk connect`), or it joins with an invitation")]
    NotConnected,
    #[error("this desk is connected to a helpline's server already")]
    AlreadyConnected,
    #[error("that server holds another helpline's records already; a desk joins it with an invitation from one of its supervisors")]
    ServerInUse,
    #[error(transparent)]
    Core(#[from] helpline_core::Error),
}

impl SyncError {
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::ServerUnreachable(_) => "server_unreachable",
            SyncError::ServerRefused(_) => "server_refused",
            SyncError::ServerNeedsTls(_) => "server_needs_tls",
            SyncError::ServerAddressInvalid(_) => "server_address_invalid",
            SyncError::InvitationInvalid => "invitation_invalid",
            SyncError::InvitationUnknown => "invitation_unknown",
            SyncError::RecordDamaged => "record_damaged",
            SyncError::DeskRemoved => "desk_removed",
            SyncError::NotConnected => "desk_not_connected",
            SyncError::AlreadyConnected => "desk_connected",
            SyncError::ServerInUse => "server_in_use",
            SyncError::Core(e) => e.code(),
        }
    }

    /// Every code but the core's, for the application layer's list.
    pub const CODES: &'static [&'static str] = &[
        "server_unreachable",
        "server_refused",
        "server_needs_tls",
        "server_address_invalid",
        "invitation_invalid",
        "invitation_unknown",
        "record_damaged",
        "desk_removed",
        "desk_not_connected",
        "desk_connected",
        "server_in_use",
    ];
}

impl From<postgres::Error> for SyncError {
    fn from(e: postgres::Error) -> Self {
        // A database error is the server's answer; anything else is the way to it.
        match e.as_db_error() {
            Some(db) => SyncError::ServerRefused(format!("{}: {}", db.code().code(), db.message())),
            None => SyncError::ServerUnreachable(e.to_string()),
        }
    }
}
