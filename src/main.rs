#[cfg(target_arch = "wasm32")]
fn main() {
    leeruitkomsten::web::marks::mark("main");
    // First: the browser reads the crash journal on another thread while this one starts the app.
    leeruitkomsten::web::journal::start();
    leeruitkomsten::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("leeruitkomsten is a browser app: serve it with `scripts/serve` (see README.md).");
    std::process::exit(2);
}
