//! The helpline's server: one PostgreSQL database, reached over a local socket or on this
//! computer. Desks connect as the database's desk role (`<database>_desk`), which may insert and select and call
//! the two functions that delete (forgetting, and using an invitation); never update.

use postgres::{Client, Config, NoTls};

use crate::error::{Result, SyncError};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// The role every desk of the helpline in database `dbname` connects as: one per database,
/// so that one PostgreSQL can serve several helplines.
pub fn desk_role(dbname: &str) -> String {
    format!("{dbname}_desk")
}
/// Every push takes this transaction-level lock, so records get their positions in the order
/// they commit, and a desk reading the log never skips one that commits later.
const PUSH_LOCK: i64 = 0x4850_4c4e_0001;
/// How many records one pull reads at most.
pub const PULL_BATCH: i64 = 500;

/// A record as the log gives it back.
#[derive(Debug, Clone)]
pub struct LoggedRecord {
    pub seq: i64,
    pub record_id: Vec<u8>,
    pub epoch: u32,
    /// None for this desk's own records, which it does not need back.
    pub body: Option<Vec<u8>>,
}

/// A record to push.
pub struct NewRecord<'a> {
    pub record_id: &'a [u8],
    pub epoch: u32,
    pub body: &'a [u8],
}

/// A desk as the server knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskEntry {
    pub desk_id: String,
    pub removed: bool,
}

/// Parses a server address and refuses one that would cross a network in the clear.
pub fn parse_address(address: &str) -> Result<Config> {
    let config: Config = address
        .parse()
        .map_err(|e: postgres::Error| SyncError::ServerAddressInvalid(e.to_string()))?;
    let local = |host: &postgres::config::Host| match host {
        postgres::config::Host::Unix(_) => true,
        postgres::config::Host::Tcp(name) => {
            matches!(name.as_str(), "localhost" | "127.0.0.1" | "::1")
        }
    };
    if config.get_hosts().is_empty() {
        return Err(SyncError::ServerAddressInvalid(
            "it names no host (a socket folder such as host=/run/postgresql, or 127.0.0.1)".into(),
        ));
    }
    if !config.get_hosts().iter().all(local)
        || !config.get_hostaddrs().iter().all(|a| a.is_loopback())
    {
        return Err(SyncError::ServerNeedsTls(redacted(address)));
    }
    Ok(config)
}

/// An address without its password, for messages.
pub fn redacted(address: &str) -> String {
    match address.parse::<Config>() {
        Ok(config) => {
            let hosts: Vec<String> = config
                .get_hosts()
                .iter()
                .map(|h| match h {
                    postgres::config::Host::Tcp(name) => name.clone(),
                    postgres::config::Host::Unix(path) => path.display().to_string(),
                })
                .collect();
            format!(
                "host={} dbname={} user={}",
                hosts.join(","),
                config.get_dbname().unwrap_or(""),
                config.get_user().unwrap_or("")
            )
        }
        Err(_) => "(an address that does not parse)".into(),
    }
}

pub struct Server {
    client: Client,
}

impl Server {
    pub fn connect(address: &str) -> Result<Server> {
        let mut config = parse_address(address)?;
        config.application_name("helpline");
        config.connect_timeout(std::time::Duration::from_secs(10));
        let client = config.connect(NoTls)?;
        Ok(Server { client })
    }

    /// Sets up (or brings up to date) the helpline's schema, as the database's owner, and the
    /// desks' role with `desk_password`. Run again, it changes nothing but the password.
    pub fn init(admin_address: &str, desk_password: &str) -> Result<()> {
        let mut server = Server::connect(admin_address)?;
        let client = &mut server.client;
        let dbname: String = client.query_one("SELECT current_database()", &[])?.get(0);
        let role = desk_role(&dbname);
        // Names and a password cannot be bound parameters; the server quotes them itself.
        let quoted_role: String = client.query_one("SELECT quote_ident($1)", &[&role])?.get(0);
        let quoted_password: String = client
            .query_one("SELECT quote_literal($1)", &[&desk_password])?
            .get(0);
        let exists = client
            .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])?
            .is_some();
        let verb = if exists { "ALTER" } else { "CREATE" };
        client.batch_execute(&format!(
            "{verb} ROLE {quoted_role} LOGIN NOINHERIT PASSWORD {quoted_password}"
        ))?;
        embedded::migrations::runner()
            .run(client)
            .map_err(|e| SyncError::ServerRefused(format!("setting up the schema: {e}")))?;
        // Desks add and read; the two functions are the only ways to delete.
        client.batch_execute(&format!(
            "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {quoted_role};
             GRANT SELECT, INSERT ON desks, log, invitations TO {quoted_role};
             GRANT USAGE ON SEQUENCE log_seq_seq TO {quoted_role};
             GRANT EXECUTE ON FUNCTION helpline_forget(bytea[]), helpline_redeem(bytea), helpline_remove_desk(text) TO {quoted_role};"
        ))?;
        Ok(())
    }

    /// Adds this desk to the server's list (again, harmlessly, when it is there).
    pub fn register_desk(&mut self, desk_id: &str) -> Result<()> {
        self.client.execute(
            "INSERT INTO desks (desk_id) VALUES ($1) ON CONFLICT DO NOTHING",
            &[&desk_id],
        )?;
        Ok(())
    }

    /// Marks a desk removed (the desks' role cannot update; a function does it).
    pub fn remove_desk(&mut self, desk_id: &str) -> Result<()> {
        self.client
            .execute("SELECT helpline_remove_desk($1)", &[&desk_id])?;
        Ok(())
    }

    pub fn desks(&mut self) -> Result<Vec<DeskEntry>> {
        Ok(self
            .client
            .query("SELECT desk_id, removed FROM desks ORDER BY desk_id", &[])?
            .iter()
            .map(|row| DeskEntry {
                desk_id: row.get(0),
                removed: row.get(1),
            })
            .collect())
    }

    /// Appends `records` in one transaction, with the deletions a forgetting asks for. A
    /// record the log already holds (pushed before a crash, say) is left as it is.
    pub fn push(
        &mut self,
        desk_id: &str,
        records: &[NewRecord<'_>],
        deletes: &[Vec<u8>],
    ) -> Result<()> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&PUSH_LOCK])?;
        let insert = tx.prepare(
            "INSERT INTO log (record_id, desk_id, epoch, body) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (record_id) DO NOTHING",
        )?;
        for record in records {
            tx.execute(
                &insert,
                &[
                    &record.record_id,
                    &desk_id,
                    &(record.epoch as i32),
                    &record.body,
                ],
            )?;
        }
        if !deletes.is_empty() {
            tx.execute("SELECT helpline_forget($1)", &[&deletes])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes records of forgotten cases that reached the log after their case was forgotten.
    pub fn forget(&mut self, record_ids: &[Vec<u8>]) -> Result<()> {
        if !record_ids.is_empty() {
            self.client
                .execute("SELECT helpline_forget($1)", &[&record_ids])?;
        }
        Ok(())
    }

    /// The records after position `cursor`, oldest first, at most [`PULL_BATCH`].
    pub fn pull(&mut self, desk_id: &str, cursor: i64) -> Result<Vec<LoggedRecord>> {
        Ok(self
            .client
            .query(
                "SELECT seq, record_id, epoch, CASE WHEN desk_id = $2 THEN NULL ELSE body END \
                 FROM log WHERE seq > $1 ORDER BY seq LIMIT $3",
                &[&cursor, &desk_id, &PULL_BATCH],
            )?
            .iter()
            .map(|row| LoggedRecord {
                seq: row.get(0),
                record_id: row.get(1),
                epoch: row.get::<_, i32>(2) as u32,
                body: row.get(3),
            })
            .collect())
    }

    /// The last position in the log (0 for an empty log).
    pub fn head(&mut self) -> Result<i64> {
        Ok(self
            .client
            .query_one("SELECT COALESCE(max(seq), 0) FROM log", &[])?
            .get(0))
    }

    /// Stores an invitation's sealed parts.
    pub fn put_invitation(&mut self, id: &[u8], parts: &[Vec<u8>]) -> Result<()> {
        let mut tx = self.client.transaction()?;
        let insert =
            tx.prepare("INSERT INTO invitations (invitation_id, part, body) VALUES ($1, $2, $3)")?;
        for (part, body) in parts.iter().enumerate() {
            tx.execute(&insert, &[&id, &(part as i32), body])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// An invitation's parts, in order, left on the server (see [`Server::redeem_invitation`]).
    pub fn read_invitation(&mut self, id: &[u8]) -> Result<Vec<Vec<u8>>> {
        let parts: Vec<Vec<u8>> = self
            .client
            .query(
                "SELECT body FROM invitations WHERE invitation_id = $1 ORDER BY part",
                &[&id],
            )?
            .iter()
            .map(|row| row.get(0))
            .collect();
        if parts.is_empty() {
            return Err(SyncError::InvitationUnknown);
        }
        Ok(parts)
    }

    /// Takes an invitation's parts off the server, in order: it cannot be used twice.
    pub fn redeem_invitation(&mut self, id: &[u8]) -> Result<Vec<Vec<u8>>> {
        let mut rows: Vec<(i32, Vec<u8>)> = self
            .client
            .query("SELECT part, body FROM helpline_redeem($1)", &[&id])?
            .iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect();
        if rows.is_empty() {
            return Err(SyncError::InvitationUnknown);
        }
        rows.sort_by_key(|(part, _)| *part);
        Ok(rows.into_iter().map(|(_, body)| body).collect())
    }
}

/// The address desks connect with: the administrator's, as the desks' role with `password`.
pub fn desk_address(admin_address: &str, password: &str) -> Result<String> {
    let config = parse_address(admin_address)?;
    let quote = |value: &str| format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"));
    let mut parts = Vec::new();
    for host in config.get_hosts() {
        let host = match host {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        };
        parts.push(format!("host={}", quote(&host)));
    }
    if let Some(port) = config.get_ports().first() {
        parts.push(format!("port={port}"));
    }
    let dbname = config.get_dbname().ok_or_else(|| {
        SyncError::ServerAddressInvalid(
            "it names no database (dbname=…): name the helpline's own".into(),
        )
    })?;
    parts.push(format!("dbname={}", quote(dbname)));
    parts.push(format!("user={}", quote(&desk_role(dbname))));
    parts.push(format!("password={}", quote(password)));
    Ok(parts.join(" "))
}
