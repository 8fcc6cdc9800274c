macro_rules! helpline_commands {
    ($($name:ident),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}
include!("src/command_list.rs");

/// The permissions capabilities/main.json grants, in Tauri's names (`allow-app-status`).
fn granted() -> Vec<String> {
    let capability = std::fs::read_to_string("capabilities/main.json")
        .expect("capabilities/main.json is readable");
    let capability: serde_json::Value =
        serde_json::from_str(&capability).expect("capabilities/main.json is JSON");
    capability["permissions"]
        .as_array()
        .expect("capabilities/main.json lists its permissions")
        .iter()
        .map(|permission| {
            permission
                .as_str()
                .expect("each permission is a name")
                .to_owned()
        })
        .collect()
}

// The app's own commands get generated permissions, so the capability can grant exactly these
// and nothing else.
fn main() {
    println!("cargo:rerun-if-changed=src/command_list.rs");
    println!("cargo:rerun-if-changed=capabilities/main.json");
    let mut wanted: Vec<String> = COMMANDS
        .iter()
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    let mut granted = granted();
    wanted.sort();
    granted.sort();
    // The window may call the app's commands and nothing else: a command added to the list
    // must be granted, and a grant must name a command.
    assert_eq!(
        granted, wanted,
        "capabilities/main.json must grant exactly the commands of src/command_list.rs"
    );
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
