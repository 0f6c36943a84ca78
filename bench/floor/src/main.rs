//! The least a Yew app does: mount and render one paragraph. bench/run times its start-up as the
//! floor under the real app's.
use yew::prelude::*;

#[function_component]
fn Floor() -> Html {
    html! { <p id="floor-ready">{ "ready" }</p> }
}

fn main() {
    yew::Renderer::<Floor>::new().render();
}
