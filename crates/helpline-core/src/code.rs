//! Stable codes: every enum of the domain has one per value, which the UI translates, the CLI
//! accepts and the store seals. Also the roles, which errors name (so this module needs none).

use serde::{Deserialize, Serialize};

/// Lets the CLI and the shell list and parse every enum by its code.
pub trait Code: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }
        impl Code for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }
    };
}

pub(crate) use coded_enum;

coded_enum! {
    /// Roles: volunteers take calls; supervisors also manage users and settings.
    Role { Volunteer = "volunteer", Supervisor = "supervisor" }
}
