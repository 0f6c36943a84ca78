use serde_json::Value;

use super::*;
use crate::core::assessment::{Action, Assessment, MetadataField};
use crate::core::credentials::decision::{read_decision, Draft};
use crate::core::framework::catalogue::BUILT_IN;
use crate::core::framework::hashed::HashedFramework;
use crate::core::record::{build_record, sign_record, verify_record_value};

const CREATED: &str = "2026-11-20T10:00:00Z";
const DECIDED: &str = "2026-12-01T09:30:00.000Z";
const ISSUED: &str = "2026-12-02T10:00:00Z";
const EXAMINATOR: [u8; 32] = [3; 32];

fn framework() -> HashedFramework {
    BUILT_IN[0].load().unwrap()
}

/// A record with LU1 and LU2 scored `+`, and a decision: LU1 behaald, LU2 behaald against no
/// advice (with motivation), the rest not assessed.
fn decided(fw: &HashedFramework) -> (VerifiedDecision, Value) {
    let f = fw.framework();
    let mut a = Assessment::new(f);
    a.apply(f, Action::SetMetadata(MetadataField::StudentName, "Sanne de Vries".into())).unwrap();
    a.apply(f, Action::SetMetadata(MetadataField::StudentNumber, "4812345".into())).unwrap();
    let first = f.learning_outcomes().next().unwrap();
    for i in &first.indicators {
        a.apply(f, Action::SetScore { indicator: i.id.clone(), score: Score::Good }).unwrap();
    }
    let unsigned = build_record(fw, &a, CREATED, "urn:uuid:record-1").unwrap();
    let record = sign_record(&unsigned, &[7; 32], CREATED).unwrap();
    let report = verify_record_value(&record, &[fw]);
    let mut draft =
        Draft::from_record(&report, &digest_multibase(&record).unwrap(), "2026-12-01").unwrap();
    draft.examinator = "Examinator Jansen".into();
    assert!(draft.take_advice(0));
    draft.decision.outcomes[1].result = OutcomeResult::Achieved;
    draft.decision.outcomes[1].motivation = "Aangetoond in het portfolio.".into();
    let signed = draft
        .sign(&EXAMINATOR, "6f1c2a4e-8b3d-4c5e-9f60-718293a4b5c6", DECIDED, "2026-12-02")
        .unwrap();
    (read_decision(&signed, &[fw]).unwrap(), signed)
}

fn issued(fw: &HashedFramework) -> (Vec<IssuedBadge>, VerifiedDecision, Value) {
    let (decision, signed) = decided(fw);
    let mut n = 0;
    let badges = issue_badges(
        &decision,
        &signed,
        fw.framework(),
        &EXAMINATOR,
        &BadgeIssue { hogeschool: " Hogeschool Noord ", time: ISSUED, did_web: None },
        || {
            n += 1;
            format!("00000000-0000-4000-8000-00000000000{n}")
        },
        &Contexts::shipped().unwrap(),
    )
    .unwrap();
    (badges, decision, signed)
}

#[test]
fn achievement_ids_are_stable_and_cannot_be_broken_out_of() {
    assert_eq!(achievement_id("fw-1", "lu1"), "urn:leeruitkomsten:achievement:fw-1:lu1");
    assert_eq!(achievement_id("fw-1", "lu1"), achievement_id("fw-1", "lu1"));
    assert_eq!(achievement_id("a:b", "c d"), "urn:leeruitkomsten:achievement:a%3Ab:c%20d");
    assert_ne!(achievement_id("a:b", "c"), achievement_id("a", "b:c"));
}

#[test]
fn each_outcome_is_an_achievement_with_its_indicators_scale_and_nlqf_level() {
    let fw = framework();
    let f = fw.framework();
    for outcome in f.learning_outcomes() {
        let a = achievement(f, outcome);
        assert_eq!(a["id"], achievement_id(&f.id, &outcome.id));
        assert_eq!(a["achievementType"], "MicroCredential");
        assert_eq!(a["name"], outcome.title.as_str());
        let narrative = a["criteria"]["narrative"].as_str().unwrap();
        for i in &outcome.indicators {
            assert!(narrative.contains(&format!("\n- {}", i.text)), "{}", i.text);
        }
        assert_eq!(narrative.matches("\n- ").count(), outcome.indicators.len());
        let levels = a["resultDescription"][0]["rubricCriterionLevel"].as_array().unwrap();
        let symbols: Vec<&str> = levels.iter().map(|l| l["level"].as_str().unwrap()).collect();
        assert_eq!(symbols, ["□", "+", "++"]);
        assert_eq!(levels[1]["name"], f.scale.levels[1].label.as_str());
        let alignments = a["alignment"].as_array().unwrap();
        let types: Vec<&str> =
            alignments.iter().map(|x| x["targetType"].as_str().unwrap_or("")).collect();
        assert_eq!(types, ["CFItem", "CFRubricCriterion", ""]);
        assert_eq!(alignments[0]["targetCode"], outcome.id.as_str());
        assert_eq!(alignments[2]["targetFramework"], "NLQF");
        assert_eq!(alignments[2]["targetCode"], "6");
        for level in levels {
            assert_eq!(level["alignment"][0]["targetType"], "CFRubricCriterionLevel");
        }
    }
    let older = BUILT_IN.iter().map(|b| b.load().unwrap()).find(|h| h.framework().level.is_none());
    if let Some(older) = older {
        let o = older.framework().learning_outcomes().next().unwrap();
        let alignments = achievement(older.framework(), o)["alignment"].clone();
        // Only the CASE alignments: no NLQF level where the framework states none.
        assert_eq!(alignments.as_array().unwrap().len(), 2);
        assert!(alignments.as_array().unwrap().iter().all(|x| x["targetFramework"] != "NLQF"));
    }
}

#[test]
fn a_badge_per_outcome_achieved_verifies_and_names_student_outcome_and_issuer() {
    let fw = framework();
    let (badges, decision, signed) = issued(&fw);
    let outcomes: Vec<&str> = badges.iter().map(|b| b.outcome_id.as_str()).collect();
    let expected: Vec<&str> =
        fw.framework().learning_outcomes().take(2).map(|o| o.id.as_str()).collect();
    assert_eq!(outcomes, expected);
    let contexts = Contexts::shipped().unwrap();
    let first = &badges[0].credential;
    let verified = verify_badge(first, &contexts).unwrap();
    assert_eq!(verified.credential.issuer, decision.credential.issuer);
    assert_eq!(verified.credential.issuer_name.as_deref(), Some("Hogeschool Noord"));
    assert_eq!(verified.student_label(), "Sanne de Vries (4812345)");
    assert_eq!(verified.outcome_code.as_deref(), Some(badges[0].outcome_code.as_str()));
    assert_eq!(
        verified.evidence,
        ["urn:uuid:record-1", "urn:uuid:6f1c2a4e-8b3d-4c5e-9f60-718293a4b5c6"]
    );
    assert_eq!(
        first["evidence"][1]["digestMultibase"],
        digest_multibase(&signed).unwrap().as_str()
    );
    assert_eq!(first["evidence"][0]["digestMultibase"], decision.decision.record_digest.as_str());
    assert_eq!(first["proof"]["cryptosuite"], "eddsa-rdfc-2022");
    // LU1 had advice +, LU2 none: the level is named only where there was advice.
    let r0 = &first["credentialSubject"]["result"][0];
    assert!(r0["achievedLevel"].as_str().unwrap().ends_with(":level:2"));
    assert!(badges[1].credential["credentialSubject"]["result"][0].get("achievedLevel").is_none());
}

#[test]
fn a_changed_value_or_a_swapped_issuer_is_refused() {
    let fw = framework();
    let (badges, _, _) = issued(&fw);
    let contexts = Contexts::shipped().unwrap();
    let signed = &badges[0].credential;
    let changes: [(&str, Value); 5] = [
        ("/credentialSubject/identifier/0/identityHash", "4899999".into()),
        ("/credentialSubject/achievement/criteria/narrative", "Niets".into()),
        ("/issuer/name", "Andere school".into()),
        ("/evidence/0/digestMultibase", "uAAAA".into()),
        ("/validFrom", "2026-12-01T10:00:00Z".into()),
    ];
    for (pointer, value) in changes {
        let mut changed = signed.clone();
        *changed.pointer_mut(pointer).unwrap() = value;
        assert!(
            matches!(verify_badge(&changed, &contexts), Err(BadgeProblem::Proof(_))),
            "{pointer}"
        );
    }
    let mut other = signed.clone();
    other["issuer"]["id"] = did_key::did_key_from_seed(&[4; 32]).into();
    assert!(verify_badge(&other, &contexts).is_err());
    let mut context = signed.clone();
    context["@context"] = serde_json::json!([CREDENTIALS_V2_URL]);
    assert_eq!(
        verify_badge(&context, &contexts),
        Err(BadgeProblem::Credential(CredentialProblem::WrongContext))
    );
    let mut no_name = signed.clone();
    no_name.as_object_mut().unwrap().remove("name");
    assert_eq!(verify_badge(&no_name, &contexts), Err(BadgeProblem::Malformed("name".into())));
}

#[test]
fn issuing_needs_the_hogeschool_the_deciding_key_and_something_achieved() {
    let fw = framework();
    let (decision, signed) = decided(&fw);
    let contexts = Contexts::shipped().unwrap();
    let go = |seed: &[u8; 32], school: &str, d: &VerifiedDecision| {
        issue_badges(
            d,
            &signed,
            fw.framework(),
            seed,
            &BadgeIssue { hogeschool: school, time: ISSUED, did_web: None },
            || "00000000-0000-4000-8000-000000000001".into(),
            &contexts,
        )
    };
    assert_eq!(go(&EXAMINATOR, "  ", &decision), Err(BadgeIssueError::NoHogeschool));
    assert_eq!(go(&[4; 32], "HS", &decision), Err(BadgeIssueError::NotTheDecisionsSigner));
    let mut none = decision.clone();
    for o in &mut none.decision.outcomes {
        o.result = OutcomeResult::NotAchieved;
    }
    assert_eq!(go(&EXAMINATOR, "HS", &none), Err(BadgeIssueError::NothingAchieved));
}

#[test]
fn file_names_are_plain() {
    assert_eq!(badge_file_name("VC a", "48 123/45", "svg"), "deelcertificaat-48-123-45-vc-a.svg");
}

#[test]
fn a_badge_file_is_read_as_json_or_baked_svg_and_told_apart_from_a_record() {
    let fw = framework();
    let (badges, _, _) = issued(&fw);
    let badge = &badges[0];
    for text in [badge.json_text(), badge.svg_text()] {
        assert!(looks_like_badge(text.as_bytes()));
        let (value, verified) = read_badge(text.as_bytes()).unwrap();
        assert_eq!(value, badge.credential);
        assert_eq!(verified.outcome_code.as_deref(), Some(badge.outcome_code.as_str()));
    }
    assert!(!looks_like_badge(br#"{"type": ["VerifiableCredential"]}"#));
    let tampered = badge.svg_text().replacen("4812345", "4812346", 1);
    assert!(matches!(
        read_badge(tampered.as_bytes()),
        Err(BadgeReadError::Badge(BadgeProblem::Proof(_)))
    ));
    assert!(matches!(read_badge(b"<svg></svg>"), Err(BadgeReadError::Unbake(_))));
    assert!(matches!(read_badge(b"{nee"), Err(BadgeReadError::NotJson(_))));
}

#[test]
fn a_did_web_badge_verifies_only_against_the_hogeschools_did_json() {
    use crate::core::crypto::did_web::{DidDocumentProblem, DidWeb};
    let fw = framework();
    let (decision, signed) = decided(&fw);
    let did = DidWeb::parse("did:web:hogeschool.example:opbouwwerk").unwrap();
    let contexts = Contexts::shipped().unwrap();
    let badges = issue_badges(
        &decision,
        &signed,
        fw.framework(),
        &EXAMINATOR,
        &BadgeIssue { hogeschool: "Hogeschool Noord", time: ISSUED, did_web: Some(&did) },
        || "00000000-0000-4000-8000-000000000001".to_string(),
        &contexts,
    )
    .unwrap();
    let badge = &badges[0].credential;
    let key = did_key::public_key_from_seed(&EXAMINATOR);
    assert_eq!(badge["issuer"]["id"], "did:web:hogeschool.example:opbouwwerk");
    assert_eq!(badge["proof"]["verificationMethod"], did.verification_method(&key).as_str());
    let document = did.document(&key);

    let verified = verify_badge_with(badge, &contexts, std::slice::from_ref(&document)).unwrap();
    assert_eq!(verified.credential.issuer, "did:web:hogeschool.example:opbouwwerk");
    // Without the did.json the signature cannot be checked, and is said so, not called wrong.
    assert_eq!(
        verify_badge(badge, &contexts),
        Err(BadgeProblem::Proof(RdfcProofError::NoDidDocument(did.did().to_string())))
    );
    // A did.json of the same DID holding another key: the badge's key is not the hogeschool's.
    let stranger = did.document(&did_key::public_key_from_seed(&[9; 32]));
    assert!(matches!(
        verify_badge_with(badge, &contexts, &[stranger]),
        Err(BadgeProblem::Proof(RdfcProofError::DidDocument(DidDocumentProblem::NoSuchMethod(_))))
    ));
    // A did.json that swaps in another key under the badge's method: the signature fails.
    let mut swapped = document.clone();
    swapped["verificationMethod"][0]["publicKeyMultibase"] =
        did_key::encode_public_key_multibase(&did_key::public_key_from_seed(&[9; 32])).into();
    assert!(matches!(
        verify_badge_with(badge, &contexts, &[swapped]),
        Err(BadgeProblem::Proof(RdfcProofError::Verify(_)))
    ));
    // One value changed: refused with the right document.
    let mut changed = badge.clone();
    changed["issuer"]["name"] = "Hogeschool Zuid".into();
    assert!(matches!(
        verify_badge_with(&changed, &contexts, std::slice::from_ref(&document)),
        Err(BadgeProblem::Proof(RdfcProofError::Verify(_)))
    ));
    // Issuer and proof must agree: a did:web issuer with the key's did:key method is refused.
    let mut other_issuer = badge.clone();
    other_issuer["issuer"]["id"] = "did:web:elders.example".into();
    assert!(verify_badge_with(&other_issuer, &contexts, &[document]).is_err());
}
