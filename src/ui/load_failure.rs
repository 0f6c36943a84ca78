use yew::prelude::*;

use crate::core::framework::source::LoadFailure;
use crate::i18n::Lang;

/// A framework file with hundreds of problems is one mistake, usually a wrong file; the first few
/// show which.
const SHOWN_PROBLEMS: usize = 8;

/// Why a framework was not loaded, with the first problems of an invalid one and their paths.
/// A plain function rather than a component: it holds no state, and each component costs the
/// app's download several hundred bytes of Yew's machinery.
pub fn load_failure_text(lang: Lang, failure: &LoadFailure) -> Html {
    let problems = match failure {
        LoadFailure::Invalid(problems) => problems.as_slice(),
        _ => &[],
    };
    html! {
        <>
            <span class="load-failure">{ lang.load_failure(failure) }</span>
            if !problems.is_empty() {
                <ul class="load-problems">
                    { for problems.iter().take(SHOWN_PROBLEMS).map(|p| html! { <li><code>{ lang.problem(p) }</code></li> }) }
                    if problems.len() > SHOWN_PROBLEMS {
                        <li>{ lang.more_problems(problems.len() - SHOWN_PROBLEMS) }</li>
                    }
                </ul>
            }
        </>
    }
}
