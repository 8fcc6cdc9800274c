//! The helpline's server (DESIGN §8): a PostgreSQL log of sealed, padded change records that
//! the desks of one helpline push to and pull from, and the one-time invitations a new desk
//! joins with. The server holds nothing it could read: see ARCHITECTURE.md, "What the
//! helpline's server sees". What a change is, and how a desk files one, is the core's
//! (`helpline_core::store::sync`); when to sync is the application layer's.

pub mod error;
pub mod invitation;
pub mod record;
pub mod server;

pub use error::{Result, SyncError};
pub use invitation::{InvitationCode, InvitationHeader};
pub use server::{LoggedRecord, NewRecord, Server};
