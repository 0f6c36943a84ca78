//! The scoring page's own words: the way to the whole form, for signing and everything else.

use super::Lang;

texts! { ScoringTexts, SCORING_NL, SCORING_EN {
    whole_form: "Beoordelingen, sleutel en meer", "Assessments, key and more";
    sign_heading: "Ondertekenen", "Sign";
    sign_elsewhere: "Ondertekenen gebeurt in het volledige formulier. Het opent deze beoordeling zoals je haar hier achterlaat; alles wat je invulde is bewaard.",
        "Signing happens in the full form. It opens this assessment as you leave it here; everything you entered is kept.";
    to_sign: "Naar ondertekenen", "Go to signing";
}}

impl Lang {
    pub fn scoring_texts(self) -> &'static ScoringTexts {
        match self {
            Lang::Nl => &SCORING_NL,
            Lang::En => &SCORING_EN,
        }
    }
}
