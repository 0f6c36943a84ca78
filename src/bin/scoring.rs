//! The scoring page's module (`index.html`, README: Three pages): the form a plain link opens.

#[cfg(target_arch = "wasm32")]
fn main() {
    leeruitkomsten::ui::scoring::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the scoring page is a browser page: serve it with `scripts/serve` (see README.md).");
    std::process::exit(2);
}
