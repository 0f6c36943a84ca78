//! The scoring page's model (`core::app::scoring`): which assessments it opens and which it
//! leaves to the whole form, what an edit does, and what another tab's change does.

use std::rc::Rc;

use leeruitkomsten::core::app::scoring::{
    Elsewhere, HandOff, ScoringEffect, ScoringForm, ScoringMsg,
};
use leeruitkomsten::core::app::{fresh_entry, Entropy, Folding, Now, Zone};
use leeruitkomsten::core::assessment::{Action, ActionError, Invited, MetadataField, Signed};
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::library::saved::SavedEntry;

fn now(tick: u8) -> Now {
    Now {
        time: format!("2026-12-07T10:00:{tick:02}.000Z"),
        today: "2026-12-07".into(),
        zone: Rc::new(Zone::fixed(60)),
        entropy: Some(Entropy([tick.wrapping_add(7); 64])),
    }
}

fn framework() -> HashedFramework {
    HashedFramework::default_framework().unwrap()
}

fn score(indicator: &str, score: Score) -> ScoringMsg {
    ScoringMsg::Edit(Action::SetScore { indicator: indicator.into(), score })
}

fn saved(effects: &[ScoringEffect]) -> &SavedEntry {
    match effects {
        [ScoringEffect::Save(entry)] => entry,
        other => panic!("expected one save, got {other:?}"),
    }
}

#[test]
fn without_an_open_assessment_it_starts_a_new_one_dated_today() {
    let form = ScoringForm::start(&framework(), None, &now(1)).unwrap();
    assert_eq!(form.entry.assessment.metadata.date, "2026-12-07");
    assert_eq!(form.entry.assessment.framework_id, "leeruitkomsten-opbouwwerk-2026");
    assert_eq!(form.summary.overall.count(Score::NotScored), 42);
    assert!(!form.entry.id.is_empty());
}

#[test]
fn it_opens_the_open_draft_and_leaves_signed_invited_and_other_frameworks_to_the_whole_form() {
    let hashed = framework();
    let mut draft = fresh_entry(&hashed, &[], &now(2));
    let fw = hashed.framework().clone();
    draft
        .assessment
        .apply(&fw, Action::SetScore { indicator: "LU1.1".into(), score: Score::Good })
        .unwrap();
    let form = ScoringForm::start(&hashed, Some(draft.clone()), &now(3)).unwrap();
    assert_eq!(form.entry, draft, "the draft as it was, not a new one");
    assert_eq!(form.summary.overall.count(Score::Good), 1);

    let mut signed = draft.clone();
    signed.assessment.signed = Some(Signed {
        record: "{}".into(),
        created: "2026-12-07T10:00:04Z".into(),
        signer: "did:key:z6Mk".into(),
    });
    assert_eq!(ScoringForm::start(&hashed, Some(signed), &now(4)), Err(HandOff::Signed));

    let mut invited = draft.clone();
    invited.assessment.invitation = Some(Invited {
        id: "urn:uuid:1".into(),
        digest_multibase: "uEiA".into(),
        issuer: "did:key:z6Mk".into(),
        issuer_name: "Docent".into(),
        due_date: "2026-12-31".into(),
        host_origin: None,
    });
    assert_eq!(ScoringForm::start(&hashed, Some(invited), &now(5)), Err(HandOff::Invited));

    let mut other = draft;
    other.assessment.framework_id = "competentieprofiel-opbouwwerker-2010".into();
    assert_eq!(ScoringForm::start(&hashed, Some(other), &now(6)), Err(HandOff::OtherFramework));
}

#[test]
fn an_edit_changes_the_summary_and_asks_to_save_the_entry_with_its_time() {
    let mut form = ScoringForm::start(&framework(), None, &now(1)).unwrap();
    let effects = form.update(score("LU1.1", Score::High), &now(9));
    let entry = saved(&effects);
    assert_eq!(entry.updated, "2026-12-07T10:00:09.000Z");
    assert_eq!(entry, &form.entry);
    assert_eq!(form.summary.overall.count(Score::High), 1);
    assert_eq!(form.summary.overall.count(Score::NotScored), 41);

    let effects = form.update(
        ScoringMsg::Edit(Action::SetMetadata(MetadataField::StudentName, "Noor".into())),
        &now(10),
    );
    assert_eq!(saved(&effects).assessment.metadata.student_name, "Noor");
}

#[test]
fn a_refused_edit_saves_nothing_and_says_why_until_an_edit_holds() {
    let mut form = ScoringForm::start(&framework(), None, &now(1)).unwrap();
    assert!(form.update(score("LU99.9", Score::Good), &now(2)).is_empty());
    assert_eq!(form.refused, Some(ActionError::UnknownIndicator("LU99.9".into())));
    assert_eq!(form.summary.overall.count(Score::NotScored), 42);
    form.update(score("LU1.1", Score::Good), &now(3));
    assert_eq!(form.refused, None);
}

#[test]
fn a_refused_save_is_kept_until_a_save_holds() {
    let mut form = ScoringForm::start(&framework(), None, &now(1)).unwrap();
    form.update(ScoringMsg::Saved(false), &now(2));
    assert!(form.unsaved);
    form.update(ScoringMsg::Saved(true), &now(3));
    assert!(!form.unsaved);
}

#[test]
fn another_tabs_change_to_this_assessment_is_shown_and_said_others_are_ignored() {
    let hashed = framework();
    let fw = hashed.framework().clone();
    let mut form = ScoringForm::start(&hashed, None, &now(1)).unwrap();
    let mut newer = form.entry.clone();
    newer
        .assessment
        .apply(&fw, Action::SetScore { indicator: "LU2.1".into(), score: Score::Good })
        .unwrap();

    let mut elsewhere = fresh_entry(&hashed, &[], &now(2));
    elsewhere
        .assessment
        .apply(&fw, Action::SetScore { indicator: "LU3.1".into(), score: Score::Good })
        .unwrap();
    assert!(form.update(ScoringMsg::ChangedElsewhere(elsewhere.clone()), &now(3)).is_empty());
    assert_eq!(form.elsewhere, None, "another assessment");
    assert!(form.update(ScoringMsg::RemovedElsewhere(elsewhere.id), &now(3)).is_empty());
    assert_eq!(form.elsewhere, None);

    assert!(form.update(ScoringMsg::ChangedElsewhere(newer.clone()), &now(4)).is_empty());
    assert_eq!(form.entry, newer);
    assert_eq!(form.summary.overall.count(Score::Good), 1);
    assert_eq!(form.elsewhere, Some(Elsewhere::Changed));
    // The next edit here is the newest again: the notice goes.
    form.update(score("LU1.1", Score::Good), &now(5));
    assert_eq!(form.elsewhere, None);

    assert!(form.update(ScoringMsg::RemovedElsewhere(form.entry.id.clone()), &now(6)).is_empty());
    assert_eq!(form.elsewhere, Some(Elsewhere::Removed));

    // Signed in the other tab: this page cannot score it any more.
    let mut signed = form.entry.clone();
    signed.assessment.signed = Some(Signed {
        record: "{}".into(),
        created: "2026-12-07T10:00:07Z".into(),
        signer: "did:key:z6Mk".into(),
    });
    assert_eq!(
        form.update(ScoringMsg::ChangedElsewhere(signed), &now(7)),
        vec![ScoringEffect::HandOver]
    );
}

#[test]
fn on_a_narrow_screen_it_folds_all_but_the_outcome_of_the_first_open_indicator_once_and_reveal_unfolds(
) {
    let mut form = ScoringForm::start(&framework(), None, &now(1)).unwrap();
    form.update(score("LU1.1", Score::Good), &now(2));
    let outcomes: Vec<String> = form.framework.learning_outcomes().map(|o| o.id.clone()).collect();
    let first_open_outcome = form.framework.outcome_of("LU1.2").unwrap().id.clone();
    assert!(form.update(ScoringMsg::Folding(Folding::ForNarrowScreen), &now(3)).is_empty());
    assert_eq!(form.folded.len(), outcomes.len() - 1);
    assert!(!form.folded.contains(&first_open_outcome));

    // The user's own folds stand from then on.
    form.update(
        ScoringMsg::Folding(Folding::Set { outcome: first_open_outcome.clone(), folded: true }),
        &now(4),
    );
    form.update(ScoringMsg::Folding(Folding::ForNarrowScreen), &now(5));
    assert_eq!(form.folded.len(), outcomes.len());

    let last = outcomes.last().unwrap().clone();
    let indicator = form.framework.learning_outcomes().last().unwrap().indicators[0].id.clone();
    form.update(ScoringMsg::Folding(Folding::Reveal(indicator)), &now(6));
    assert!(!form.folded.contains(&last));
    form.update(ScoringMsg::Folding(Folding::Set { outcome: last.clone(), folded: true }), &now(7));
    assert!(form.folded.contains(&last));
}
