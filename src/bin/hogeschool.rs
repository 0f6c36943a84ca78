//! The hogeschool's page (hogeschool.html): the verify, compare and cohort views, on the same core
//! as the form (src/main.rs). Built with the `hogeschool` feature; README: Three pages.

#[cfg(target_arch = "wasm32")]
fn main() {
    leeruitkomsten::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("leeruitkomsten is a browser app: serve it with `scripts/serve` (see README.md).");
    std::process::exit(2);
}
