use yew::prelude::*;

use super::load_failure::load_failure_text;
use crate::core::app::Msg;
use crate::core::framework::source::LoadFailure;
use crate::i18n::Lang;
use crate::web::link::Link;

/// What in the page's link was not used, and why: for whoever set up the link in a learning
/// environment. Values are never repeated back: a hostile one is not worth showing, and the
/// parameter's name says where to look. `failure` is the framework address from the link and why
/// it could not be loaded. (A plain function: it holds no state; see `load_failure_text`.)
pub fn link_notices(
    lang: Lang,
    link: &Link,
    failure: Option<&(String, LoadFailure)>,
    kept_copy: Option<&str>,
    dispatch: &Callback<Msg>,
) -> Html {
    let et = lang.embed_texts();
    let problems = &link.problems;
    if problems.is_empty() && failure.is_none() && kept_copy.is_none() {
        return Html::default();
    }
    let onclick = dispatch.reform(|_: MouseEvent| Msg::DismissLink);
    html! {
        <div class="notice notice-warning link-notice" role="alert">
            <div>
                if !problems.is_empty() {
                    <p><strong>{ et.link_heading }</strong></p>
                    <p>{ et.link_intro }</p>
                    <ul class="link-problems">
                        { for problems.iter().map(|problem| html! {
                            <li data-param={problem.param.name()}>
                                <code>{ problem.param.name() }</code>{ ": " }{ lang.url_problem(problem) }
                            </li>
                        }) }
                    </ul>
                }
                if let Some((address, failure)) = failure {
                    <div class="framework-url-failure">
                        <p><strong>{ et.framework_url_failed }</strong></p>
                        <div><code>{ address }</code>{ ": " }{ load_failure_text(lang, failure) }</div>
                    </div>
                }
                if let Some(address) = kept_copy {
                    <div class="framework-url-kept">
                        <p><strong>{ et.framework_url_kept }</strong></p>
                        <div><code>{ address }</code></div>
                    </div>
                }
            </div>
            <button type="button" class="notice-dismiss" {onclick}>{ lang.texts().dismiss }</button>
        </div>
    }
}
