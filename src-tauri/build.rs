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
