const COMMANDS: &[&str] = &[
    "app_status",
    "set_up_store",
    "unlock",
    "lock",
    "change_passphrase",
    "get_settings",
    "set_referrals",
    "set_transit_countries",
    "set_idle_lock_minutes",
    "start_call",
    "save_draft",
    "end_call",
    "discard_call",
    "unfinished_calls",
    "find_case",
    "list_cases",
    "set_case_open",
    "list_users",
    "add_user",
    "remove_user",
    "statistics",
    "export_statistics",
    "recover",
    "choose_restore_file",
    "restore_backup",
    "reset_passphrase",
    "set_retention_months",
    "audit_trail",
    "verify_audit",
    "take_backup",
    "verify_store",
    "verify_backup",
    "forget_case",
];

// The app's own commands get generated permissions, so the capability can grant exactly these
// and nothing else.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
