"""The Learn articles carry the corrections of the clinical review (issue 14 items 4, 5, 8, 10 and 14, and the
seed's twelve areas): the right paper for each claim, the numbers the code uses, claims as strong as their
evidence and no stronger, and never "you have" a condition."""

from __future__ import annotations

import re

import pytest

from liftwell.core.health import ADVICE_THRESHOLDS, classify_z_score
from liftwell.web.health.articles import all_articles


def text(slug: str) -> str:
    """The article with every run of white space made one space, so line wrapping does not matter."""
    return " ".join(all_articles()[slug].markdown.split())


# slug, what must be there (the claim and its source), what must be gone (the old wording)
CASES = [
    pytest.param(
        "daily-function",
        [
            # Rikli & Jones, J Aging Phys Act 1999: norms paper 7:162-81, validation paper 7:129-61.
            "Functional fitness normative scores for community-residing older adults, ages 60-94. "
            "*J Aging Phys Act* 1999;7:162-81",
            "Development and validation of a functional fitness test for community-residing older adults. "
            "*J Aging Phys Act* 1999;7:129-61",
        ],
        ["older adults. *J Aging Phys Act* 1999;7:162-81. 2."],
        id="senior-fitness-test-norms",
    ),
    pytest.param(
        "blood-sugar",
        [
            "about 80 % of the glucose is taken up by muscle (DeFronzo and Tripathy 2009)",
            "DeFronzo RA, Tripathy D.",
            # AHA 2007 (Williams) and ADA 2016 (Colberg): no heavy lifting or breath-holding with retinopathy.
            "proliferative or severe non-proliferative diabetic retinopathy, heavy lifting, straining "
            "and holding the breath",
            "(Williams et al. 2007; Colberg et al. 2016)",
            "Check both feet every day",
        ],
        ["most of the glucose that leaves your blood", "most of the sugar in your blood goes after a meal"],
        id="muscle-glucose-uptake-and-diabetes-safety",
    ),
    pytest.param(
        "healthy-ageing",
        [
            # Sherrington 2019 Cochrane: falls high-certainty, fractures low-certainty.
            "with high-certainty evidence",
            "They **may** also lower the risk of fractures, "
            "but the evidence for fractures is of low certainty",
            "*Cochrane Database Syst Rev* 2019;1:CD012424",
            "International Clinical Practice Guidelines for Sarcopenia (ICFSR)",
            "*J Nutr Health Aging* 2018;22:1148-61",
        ],
        ["prevents fractures", "prevent fractures"],
        id="falls-fractures-and-icfsr",
    ),
    pytest.param(
        "body-composition",
        [
            # WHO expert consultation, Lancet 2004: Asian BMI action points 23 and 27.5.
            "action points of 23 (increased risk) and 27.5 (high risk)",
            "*Lancet* 2004;363:157-63",
            # IDF 2006: South Asian, Chinese and Japanese waist cut-offs.
            "South Asian, Chinese or Japanese origin the International Diabetes Federation uses "
            "lower cut-offs: 90 cm for men and 80 cm for women",
            "(excess post-exercise oxygen consumption, EPOC). It is real but small",
            "13 kcal per kg per day",
        ],
        [],
        id="asian-action-points-and-epoc",
    ),
    pytest.param(
        "blood-lipids",
        ["100-129 (2.6-3.3): near or above optimal", "130-159 (3.4-4.0)", "60 (1.55) and above"],
        [],
        id="ldl-near-optimal",
    ),
    pytest.param(
        "connective-tissue",
        [
            "**Ligaments** join bone to bone",
            "less than a third of the rate",
            "the true effect is uncertain",
            "*Br J Sports Med* 2014;48:871-7",
        ],
        [],
        id="ligaments-and-injuries",
    ),
    pytest.param(
        "posture-and-pain",
        [
            "## Neck and shoulders",
            "(Andersen et al. 2008)",
            "*Arthritis Rheum* 2008;59:84-91",
            "It was one small trial",
        ],
        [],
        id="neck-and-shoulder-pain",
    ),
    pytest.param(
        "cardiovascular-health",
        [
            "about 10-20 % at around 30-60 minutes a week (Momma et al. 2022)",
            "they do not prove that lifting caused the lower risk",
            "*Br J Sports Med* 2022;56:755-63",
        ],
        [],
        id="cardiovascular-risk",
    ),
    pytest.param(
        "bone-density",
        [
            # ISCD Official Positions (Adult, 2019): Z-scores for premenopausal women and men under 50,
            # Z <= -2.0 "below the expected range for age"; WHO 1994 T-score categories otherwise.
            "## T-score or Z-score",
            "For women before the menopause and men under 50",
            'a Z-score of -2.0 or lower is "below the expected range for age", above -2.0 is within it '
            "(ISCD 2019)",
            "in this age group a scan alone does not diagnose osteoporosis",
            "-2.5 or below is in the osteoporosis range (WHO 1994)",
            "the ISCD applies them to men from 50 as well, and to women going through the menopause",
            "if she has not said, 50 and over counts as after",
            "says what to add rather than guessing",
            "2019 ISCD Official Positions - Adult",
        ],
        ["for women after the menopause and men over 50", "**Your T-score**"],
        id="t-score-or-z-score",
    ),
    pytest.param(
        "cardiovascular-health",
        [
            # ACC/AHA 2017 (Whelton 2018) Table 11 and ESC/ESH 2018: out-of-office thresholds.
            "a home average of 135/85 matches 140/90 in the clinic (Whelton et al. 2018, Table 11; "
            "Williams et al. 2018)",
            "| Stage 2 | 140/90 | 135/85 | 130/80 |",
            "(135/85 at home or as a daytime average, 130/80 as a 24-hour average)",
            "A reading without a place is graded as a clinic reading",
            "**One reading is not a diagnosis.**",
            "on two or more separate occasions",
            "a reminder that a diagnosis needs repeated readings",
            # AHA 2007 (Williams MA) for the clinic advice; 165/100 is Liftwell's carried-over gap.
            "(Williams et al. 2007): for a clinic reading",
            "which is Table 11's home and monitor equivalent of a clinic 160/100",
            "Table 11 gives no home value for 180/110",
            "This is advice, not a rule the app enforces",
        ],
        [],
        id="home-and-clinic-readings",
    ),
    pytest.param(
        "brain-mood-sleep",
        ["reduced anxiety symptoms", "(Gordon et al. 2017)", "*Sports Med* 2017;47:2521-32"],
        [],
        id="anxiety",
    ),
]


@pytest.mark.parametrize(("slug", "present", "absent"), CASES)
def test_each_article_carries_the_corrected_claim_and_its_source(
    slug: str, present: list[str], absent: list[str]
) -> None:
    article = text(slug)
    for wanted in present:
        assert wanted in article, (slug, wanted)
    for gone in absent:
        assert gone not in article, (slug, gone)


def test_the_blood_pressure_article_gives_the_advice_thresholds_the_code_uses() -> None:
    # core/health/safety.py ADVICE_THRESHOLDS: clinic 160/100 and 180/110 (AHA 2007, at or above), home
    # and monitor averages 145/90 (ACC/AHA 2017 Table 11) and 165/100 (Liftwell's carried-over gap).
    article = text("cardiovascular-health")
    for location, limits in ADVICE_THRESHOLDS.items():
        for systolic, diastolic in (limits.caution, limits.do_not_train):
            assert f"**{systolic}/{diastolic} or above**" in article, (location, systolic, diastolic)


@pytest.mark.parametrize(
    ("z_score", "code", "words"),
    [
        # ISCD Official Positions: -2.0 or lower is below the expected range for age, above it within.
        (-2.0, "below_expected_for_age", "a Z-score of -2.0 or lower is"),
        (-1.99, "within_expected_for_age", "above -2.0 is within it"),
    ],
)
def test_the_bone_density_article_reads_the_z_score_as_the_code_does(
    z_score: float, code: str, words: str
) -> None:
    assert classify_z_score(z_score).code == code
    assert words in text("bone-density")


def test_every_cited_author_year_has_a_source_entry() -> None:
    # "(Andersen et al. 2008)" in the text needs an "Andersen ... 2008" line under Sources.
    for slug, article in all_articles().items():
        body, _, sources = article.markdown.partition("## Sources")
        body = " ".join(body.split())
        for author, year in re.findall(
            r"\(([A-Z][A-Za-z-]+)(?: et al\.| and [A-Z][a-z]+)? ((?:19|20)\d\d)\)", body
        ):
            assert re.search(rf"^\d+\. {author}\b.*\b{year}\b", sources, re.MULTILINE), (slug, author, year)


def test_no_article_says_you_have_a_condition() -> None:
    for slug, article in all_articles().items():
        assert not re.search(r"\byou have\b", article.markdown, re.IGNORECASE), slug
