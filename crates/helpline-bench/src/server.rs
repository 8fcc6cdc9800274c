//! The PostgreSQL the several-desks benchmarks run against: the private server that
//! `scripts/bench.sh` starts (`scripts/postgres.sh`), found through the variables it exports:
//!
//!   HELPLINE_TEST_POSTGRES_HOST  its socket folder (the administrator connects there, trusted)
//!   HELPLINE_TEST_POSTGRES_PORT  its port on 127.0.0.1 (desks and the baseline connect there,
//!                                with a password, as a desk on another computer would)
//!   HELPLINE_TEST_POSTGRES_USER  its superuser
//!
//! Each run makes a database of its own, with the helpline's schema (`Helpline::init_server`)
//! and a role for the plain baseline, and drops them when it is done.

use helpline_app::Helpline;
use postgres::{Client, NoTls};

use crate::{BenchError, Result};

/// The variables a run needs; None when one is missing (no server: nothing to measure).
pub fn from_env() -> Option<ServerEnv> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    Some(ServerEnv {
        socket: var("HELPLINE_TEST_POSTGRES_HOST")?,
        port: var("HELPLINE_TEST_POSTGRES_PORT")?,
        user: var("HELPLINE_TEST_POSTGRES_USER")?,
    })
}

/// What to tell someone who ran a sync benchmark without a server.
pub const NO_SERVER: &str = "no PostgreSQL: the several-desks benchmarks need the server \
    scripts/bench.sh starts (HELPLINE_TEST_POSTGRES_HOST, _PORT and _USER); skipped";

#[derive(Debug, Clone)]
pub struct ServerEnv {
    pub socket: String,
    pub port: String,
    pub user: String,
}

/// A database of this run's own on the server, dropped (with its roles) when this goes.
pub struct BenchDatabase {
    env: ServerEnv,
    pub dbname: String,
    /// How desks connect: over 127.0.0.1, as the desks' role, with its password.
    pub desk_address: String,
    /// How the plain baseline connects: the same way, as a role of its own.
    pub plain_address: String,
}

impl BenchDatabase {
    /// A new database named after `label`, set up as a helpline's server, with the baseline's
    /// role and tables beside the helpline's.
    pub fn create(env: &ServerEnv, label: &str) -> Result<BenchDatabase> {
        let dbname = format!("bench_{label}_{:08x}", rand::random::<u32>());
        let mut postgres = env.admin_client("postgres")?;
        postgres.batch_execute(&format!("CREATE DATABASE {dbname}"))?;
        let admin = env.admin_address(&dbname);
        let issued = Helpline::init_server(&admin).map_err(BenchError::app)?;
        let password = issued
            .split(' ')
            .find_map(|part| part.strip_prefix("password="))
            .ok_or_else(|| BenchError::Setup("init_server gave no password".into()))?
            .trim_matches('\'')
            .to_owned();
        let desk_address = format!(
            "host=127.0.0.1 port={} dbname={dbname} user={dbname}_desk password={password}",
            env.port
        );
        let plain_password = format!("{:032x}", rand::random::<u128>());
        let mut db = env.admin_client(&dbname)?;
        db.batch_execute(&format!(
            "CREATE ROLE {dbname}_plain LOGIN PASSWORD '{plain_password}';
             {PLAIN_SCHEMA}
             GRANT SELECT, INSERT, DELETE ON plain_log, plain_snapshot TO {dbname}_plain;
             GRANT USAGE ON SEQUENCE plain_log_seq_seq TO {dbname}_plain;"
        ))?;
        let plain_address = format!(
            "host=127.0.0.1 port={} dbname={dbname} user={dbname}_plain password={plain_password}",
            env.port
        );
        Ok(BenchDatabase {
            env: env.clone(),
            dbname,
            desk_address,
            plain_address,
        })
    }

    /// The administrator's connection to this database (for sizes and counts).
    pub fn admin(&self) -> Result<Client> {
        self.env.admin_client(&self.dbname)
    }

    /// A connection as the baseline's role, over 127.0.0.1.
    pub fn plain_client(&self) -> Result<Client> {
        Ok(Client::connect(&self.plain_address, NoTls)?)
    }
}

impl Drop for BenchDatabase {
    fn drop(&mut self) {
        // One statement at a time: DROP DATABASE cannot run in a transaction, and several
        // statements in one query are one.
        let dropped = self.env.admin_client("postgres").and_then(|mut c| {
            for statement in [
                format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.dbname),
                format!("DROP ROLE IF EXISTS {}_desk", self.dbname),
                format!("DROP ROLE IF EXISTS {}_plain", self.dbname),
            ] {
                c.batch_execute(&statement)?;
            }
            Ok(())
        });
        if let Err(e) = dropped {
            eprintln!("bench: dropping database {}: {e}", self.dbname);
        }
    }
}

impl ServerEnv {
    fn admin_address(&self, dbname: &str) -> String {
        format!(
            "host={} port={} user={} dbname={dbname}",
            self.socket, self.port, self.user
        )
    }

    fn admin_client(&self, dbname: &str) -> Result<Client> {
        Ok(Client::connect(&self.admin_address(dbname), NoTls)?)
    }
}

/// The baseline's tables: a log of calls in plain JSON, and a plain SQLite file in parts.
const PLAIN_SCHEMA: &str = "
    CREATE TABLE plain_log (
        seq         bigserial PRIMARY KEY,
        call_id     bigint NOT NULL UNIQUE,
        desk        text NOT NULL,
        case_number text NOT NULL,
        call        text NOT NULL
    );
    CREATE TABLE plain_snapshot (
        snapshot_id bytea NOT NULL,
        part        integer NOT NULL,
        body        bytea NOT NULL,
        PRIMARY KEY (snapshot_id, part)
    );
    -- Kept as it comes, as the sealed parts are (ciphertext does not compress): otherwise the
    -- server would spend its time compressing the plain file, and the ratio would measure that.
    ALTER TABLE plain_snapshot ALTER COLUMN body SET STORAGE EXTERNAL;";
