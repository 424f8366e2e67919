// Without this a release build on Windows opens a console window next to the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(error) = cuadra_app::run() {
        eprintln!("cuadra: {error}");
        std::process::exit(1);
    }
}
