// The app's own commands get generated permissions, so the capability can grant exactly these
// and nothing else.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&["app_status", "set_up_store", "unlock", "lock"])),
    )
    .expect("tauri-build failed");
}
