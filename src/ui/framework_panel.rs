use std::rc::Rc;

use web_sys::File;
use yew::prelude::*;

use super::file_picker::FilePicker;
use super::load_failure::load_failure_text;
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::{FrameworkSource, LoadFailure};
use crate::i18n::Lang;

/// The framework the app scores against in this session, and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveFramework {
    pub framework: Rc<HashedFramework>,
    pub source: FrameworkSource,
}

/// On the start screen: which framework is in use, and loading another from a file, which the app
/// checks with the same loader as the built-in one and one named in a link. `failure` is why the
/// last file was not loaded. (A plain function: the app holds its state, which must outlive the
/// form that a new framework replaces; see `load_failure_text` on components.)
pub fn framework_panel(
    lang: Lang,
    active: &ActiveFramework,
    failure: Option<&LoadFailure>,
    on_file: &Callback<File>,
    on_built_in: &Callback<()>,
) -> Html {
    let et = lang.embed_texts();
    let fw = active.framework.framework();
    let source = match &active.source {
        FrameworkSource::BuiltIn => et.framework_built_in.to_string(),
        FrameworkSource::Url(address) => format!("{} ({address})", et.framework_from_link),
        FrameworkSource::File(name) => format!("{} ({name})", et.framework_from_file),
    };
    let onclick = on_built_in.reform(|_: MouseEvent| ());
    html! {
        <section class="card framework-panel" aria-labelledby="framework-heading">
            <h2 id="framework-heading">{ et.framework_heading }</h2>
            <p class="framework-current">
                <strong lang={fw.language.clone()}>{ &fw.title }</strong>
                { " " }<code>{ format!("{} {}", fw.id, fw.version) }</code>{ " · " }{ source }
            </p>
            <p>{ et.framework_intro }</p>
            <FilePicker {lang} id="framework-file" label={et.framework_choose} on_file={on_file.clone()} />
            if active.source != FrameworkSource::BuiltIn {
                <div class="actions">
                    <button type="button" class="framework-built-in" {onclick}>{ et.framework_use_built_in }</button>
                </div>
            }
            <div aria-live="polite">
                if let Some(why) = failure {
                    <div class="notice notice-error framework-file-failure" role="alert">
                        <p>{ et.framework_file_failed }</p>
                        <div>{ load_failure_text(lang, why) }</div>
                    </div>
                }
            </div>
        </section>
    }
}
