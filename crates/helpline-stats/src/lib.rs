//! Statistics a supervisor can publish without singling anyone out (DESIGN §6).

pub mod suppression;
pub mod tables;
