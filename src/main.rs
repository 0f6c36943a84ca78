#[cfg(target_arch = "wasm32")]
fn main() {
    leeruitkomsten::ui::start();
    leeruitkomsten::web::offline::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("leeruitkomsten is a browser app: serve it with `scripts/serve` (see README.md).");
    std::process::exit(2);
}
