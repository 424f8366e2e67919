//! Generates the Tauri context (config, capabilities, icons) at compile time. Capabilities live in
//! src-tauri/capabilities/, not the default ./capabilities/, because the manifest is at the root.

const CAPABILITIES_DIR: &str = "src-tauri/capabilities";

fn main() {
    // tauri-build watches its default capabilities folder only; without this line an edited
    // capability would not rebuild the app.
    println!("cargo:rerun-if-changed={CAPABILITIES_DIR}");
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        // Build scripts report failure by panicking; the message is what cargo shows.
        panic!("tauri-build failed: {error:#}");
    }
}
