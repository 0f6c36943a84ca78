use yew::prelude::*;

use super::file_picker::FilePicker;
use super::load_failure::load_failure_text;
use crate::core::app::{FilePurpose, Model, Msg};
use crate::core::framework::source::FrameworkSource;

/// On the start screen: which framework is in use, and loading another from a file, which the app
/// checks with the same loader as the built-in one and one named in a link. (A plain
/// function: it holds no state; see `load_failure_text` on components.)
pub fn framework_panel(model: &Model, dispatch: &Callback<Msg>) -> Html {
    let lang = model.lang;
    let et = lang.embed_texts();
    let fw = model.framework.framework();
    let source = match &model.source {
        FrameworkSource::BuiltIn => et.framework_built_in.to_string(),
        FrameworkSource::Url(address) => format!("{} ({address})", et.framework_from_link),
        FrameworkSource::File(name) => format!("{} ({name})", et.framework_from_file),
    };
    let onclick = dispatch.reform(|_: MouseEvent| Msg::UseBuiltIn);
    let on_chosen = dispatch.reform(|files| Msg::FilesChosen(FilePurpose::Framework, files));
    let export_case = dispatch.reform(|_: MouseEvent| Msg::ExportCase);
    html! {
        <section class="card framework-panel" aria-labelledby="framework-heading">
            <h2 id="framework-heading">{ et.framework_heading }</h2>
            <p class="framework-current">
                <strong lang={fw.language.clone()}>{ &fw.title }</strong>
                { " " }<code>{ format!("{} {}", fw.id, fw.version) }</code>{ " · " }{ source }
            </p>
            <p>{ et.framework_intro }</p>
            <FilePicker {lang} id="framework-file" label={et.framework_choose} {on_chosen} />
            if model.source != FrameworkSource::BuiltIn {
                <div class="actions">
                    <button type="button" class="framework-built-in" {onclick}>{ et.framework_use_built_in }</button>
                </div>
            }
            // CASE is the hogeschool's (issue 16): the form's page has no code for it.
            if cfg!(feature = "hogeschool") {
                <div class="actions">
                    <button type="button" class="framework-export-case" onclick={export_case}
                        aria-describedby="framework-export-case-help">{ et.framework_export_case }</button>
                </div>
                <p id="framework-export-case-help" class="hint">{ et.framework_export_case_help }</p>
            }
            <div aria-live="polite">
                if model.case_download_failed {
                    <p class="notice notice-error" role="alert">{ et.framework_export_case_failed }</p>
                }
                if let Some(why) = &model.framework_failure {
                    <div class="notice notice-error framework-file-failure" role="alert">
                        <p>{ et.framework_file_failed }</p>
                        <div>{ load_failure_text(lang, why) }</div>
                    </div>
                }
            </div>
        </section>
    }
}
