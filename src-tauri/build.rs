//! Generates the Tauri context (config, capabilities, icons) at compile time. Capabilities live in
//! src-tauri/capabilities/, not the default ./capabilities/, because the manifest is at the root.

fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        // Build scripts report failure by panicking; the message is what cargo shows.
        panic!("tauri-build failed: {error:#}");
    }
}
