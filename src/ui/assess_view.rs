//! The form: who is assessed, every indicator by core task, signing, and the summary beside it.

use yew::prelude::*;

use super::core_task_section::core_task_sections;
use super::metadata_form::MetadataForm;
use super::norm_level_picker::NormLevelPicker;
use super::norm_lines::norm_lines;
use super::progress_dock::ProgressDock;
use super::scale_legend::ScaleLegend;
use super::sign_section::SignSection;
use super::signature_block::SignatureBlock;
use super::summary_panel::SummaryPanel;
use crate::core::app::{Model, Msg};
use crate::core::framework::score::Score;

pub fn assess_view(m: &Model, dispatch: &Callback<Msg>) -> Html {
    let lang = m.lang;
    let hashed = &m.framework;
    let framework = hashed.framework();
    let assessment = &m.open.assessment;
    let locked = assessment.is_final();
    html! {
        <div class="layout">
            <main id="main" class="content">
                if locked {
                    <p class="notice notice-info final-notice" role="status">{ lang.texts().final_notice }</p>
                }
                <MetadataForm<Msg> {lang} {locked} invited={assessment.invitation.is_some()} metadata={assessment.metadata.clone()} dispatch={dispatch.clone()} />
                <NormLevelPicker
                    {lang}
                    {locked}
                    framework={framework.clone()}
                    level={assessment.norm_level.clone()}
                    dispatch={dispatch.clone()}
                />
                <ScaleLegend {lang} framework={framework.clone()} />
                { core_task_sections(lang, locked, framework, assessment, &m.folded, dispatch) }
                <SignSection
                    {lang}
                    framework={hashed.clone()}
                    assessment={assessment.clone()}
                    signing={m.signing.clone()}
                    key_state={m.key.clone()}
                    instruction={m.instruction.clone()}
                    can_share={m.can_share}
                    not_observed={m.open.summary.overall.not_observed}
                    zone={m.zone.clone()}
                    dispatch={dispatch.clone()}
                />
            </main>
            <SummaryPanel
                {lang}
                framework={framework.clone()}
                summary={m.open.summary.clone()}
                first_open={m.first_open()}
                norms={norm_lines(lang, framework, assessment.norm_level.as_deref(), &m.open.summary)}
            />
            <ProgressDock<Msg>
                {lang}
                framework={framework.clone()}
                assessment={assessment.clone()}
                open={m.open.summary.overall.count(Score::NotScored)}
                not_observed={m.open.summary.overall.not_observed}
                dispatch={dispatch.clone()}
            />
            <SignatureBlock {lang} signed={assessment.signed.clone()} zone={m.zone.clone()} check={m.signing.print_check.clone()} />
        </div>
    }
}
