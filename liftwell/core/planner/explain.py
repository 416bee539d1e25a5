"""The plan's reasons (one plain sentence each) and its cautions for the conditions the person named."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from liftwell.core.health.markers import BpLocation
from liftwell.core.health.safety import ADVICE_THRESHOLDS
from liftwell.core.planner.catalogue import CONDITION_EXCLUSIONS, EXCLUSION_SOURCES, OLDER_AGE
from liftwell.core.planner.questionnaire import Condition, Experience, Goal, Questionnaire
from liftwell.core.planner.roles import BALANCE, DayKind, balance_advised
from liftwell.core.planner.timing import SECONDS_PER_REP, WARMUP_S
from liftwell.core.programs.model import DoubleRule
from liftwell.core.vocabulary import MovementFeature

if TYPE_CHECKING:
    from liftwell.core.planner.generate import PlannedDay

# WHO 2020: adults aged 65 and over, varied multicomponent activity emphasising balance and strength on
# 3 or more days a week (Bull et al. 2020).
OLDER_ADULT_DAYS = 3
WHO_2020 = "WHO 2020 guidelines on physical activity (Bull et al., Br J Sports Med 2020;54:1451-62)"
ACSM_2009 = "ACSM progression models (Ratamess et al., Med Sci Sports Exerc 2009;41:687-708)"

GOAL_REASONS: dict[Goal, str] = {
    Goal.STRENGTH_MUSCLE: (
        "For strength and muscle, each muscle group gets several hard sets a week; more weekly sets bring "
        "somewhat more growth (Schoenfeld et al., J Sports Sci 2017)."
    ),
    Goal.BONE: (
        "For your bones, the plan favours exercises that load your hips and spine through your legs, and "
        "adds hops and calf raises where they are safe (Brooke-Wavell et al., Br J Sports Med 2022)."
    ),
    Goal.BODY_COMPOSITION: (
        "For body composition, the plan is built on big lifts that work a lot of muscle at once; what you "
        "eat and how much you move the rest of the day matter just as much."
    ),
    Goal.BLOOD_SUGAR: (
        "For blood sugar, your largest muscles are trained on at least 2 days a week, as the ADA advises for"
        " type 2 diabetes (Colberg et al., Diabetes Care 2016)."
    ),
    Goal.BLOOD_PRESSURE: (
        "For blood pressure, lifting at a moderate effort lowers resting systolic pressure by about 4.5 mmHg "
        "and still holds such as wall sits and handgrip squeezes by about 8 mmHg, the most of any kind of "
        "exercise in a review of 270 trials (Edwards et al., Br J Sports Med 2023)."
    ),
    Goal.DAILY_FUNCTION: (
        "For everyday strength, the plan picks exercises that copy daily tasks: standing up, stepping, "
        "lifting from the floor and carrying."
    ),
    Goal.BACK_PAIN: (
        "For back pain, resistance training was among the best exercise types for getting back to normal "
        "activity (Owen et al., Br J Sports Med 2020); the plan uses hinges, rows, carries and trunk work."
    ),
    Goal.SPORT: (
        "For sport, the plan adds power work (a few fast reps) on top of a strength base (ACSM 2009)."
    ),
    Goal.HEALTHY_AGEING: (
        "For healthy ageing, the plan mixes strength, power and balance, as the NSCA advises for older "
        "adults (Fragala et al., J Strength Cond Res 2019)."
    ),
    Goal.MOOD_SLEEP: (
        "For mood and sleep, training regularly matters more than training hard: resistance training eased "
        "depressive symptoms in trials whatever the dose (Gordon et al., JAMA Psychiatry 2018)."
    ),
}

# What a plan leaves out, one phrase per movement feature (in the order a caution lists them), each with
# familiar examples. The cautions are built from `catalogue.CONDITION_EXCLUSIONS`, so they say exactly
# what is left out.
LEFT_OUT: dict[MovementFeature, str] = {
    MovementFeature.SUPINE: "nothing done lying on your back (flat bench presses, bridges, hip thrusts)",
    MovementFeature.PRONE: "nothing done lying face down (chest-supported rows, back extensions)",
    MovementFeature.SPINAL_FLEXION: (
        "no sit-ups, crunches, curl-ups or other exercises that curl the spine forward"
    ),
    MovementFeature.SPINAL_FLEXION_LOADED: (
        "no sit-ups, crunches, leg raises or other exercises that curl the spine forward under load"
    ),
    MovementFeature.LOADED_ROTATION: "no twisting under load (Russian twists, wood chops, rotational throws)",
    MovementFeature.LATERAL_FLEXION_LOADED: "no bending sideways under load (side bends, oblique crunches)",
    MovementFeature.FLOOR_REACH: "no bending forward to the floor (toe touches, walkouts)",
    MovementFeature.IMPACT: "no jumps or landings",
    MovementFeature.BREATH_HOLD: (
        "no all-out lifts that are usually done holding the breath (Olympic lifts, rack pulls)"
    ),
}
# The gentle-jumps rule (`catalogue.GENTLE_JUMPS`), as the osteoporosis caution words it.
SMALL_HOPS_ONLY = "no jumps bigger than small hops"


def left_out(condition: Condition) -> str:
    """'this plan has A, B and C' for what `condition` leaves out; '' when it leaves out nothing."""
    phrases = [phrase for feature, phrase in LEFT_OUT.items() if feature in CONDITION_EXCLUSIONS[condition]]
    if condition is Condition.OSTEOPOROSIS:
        phrases.append(SMALL_HOPS_ONLY)
    if not phrases:
        return ""
    joined = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
    return f"this plan has {joined}"


# {left_out} and {source} are filled in from `catalogue` (see `caution`).
CAUTIONS: dict[Condition, str] = {
    Condition.HYPERTENSION: (
        "High blood pressure: keep every set at a moderate effort, breathe out as you push and never hold "
        "your breath, so {left_out}. Measure your blood pressure before training: at {clinic_light} or "
        "above on a clinic reading, or {home_light} or above on a home reading, keep the session light; at "
        "{clinic_stop} or above in the clinic, or {home_stop} or above at home, do not train that day "
        "(Liftwell's rule, after the AHA: Williams et al., Circulation 2007). Home readings run lower for "
        "the same risk: {home_light} at home matches {clinic_light} in the clinic (ACC/AHA 2017, Whelton "
        "et al., Table 11). No home value for {clinic_stop} is published, so {home_stop} is Liftwell's "
        "cautious choice."
    ),
    Condition.TYPE_2_DIABETES: (
        "Type 2 diabetes: train on days that are not back to back where you can. If you use insulin or a "
        "medicine that can cause lows, check your glucose before and after, and stop if you feel shaky, "
        "sweaty or confused (ADA: Colberg et al., Diabetes Care 2016). If an eye check has found "
        "proliferative or severe non-proliferative retinopathy, lift nothing heavy and never hold your "
        "breath, and ask your eye doctor what is safe (AHA: Williams et al., Circulation 2007; ADA: "
        "Colberg et al. 2016). If your feet have lost some feeling (peripheral neuropathy), check them "
        "every day for blisters, cuts or sores, and train in well-fitting shoes and socks (ADA: Colberg "
        "et al. 2016)."
    ),
    Condition.OSTEOPOROSIS: (
        "Osteoporosis: {left_out}, the movements the bone-health guides advise against ({source}). Learn "
        "the heavier lifts with a physiotherapist or qualified coach watching, as in the LIFTMOR trial "
        "(Watson et al., J Bone Miner Res 2018), and leave out the hops too if you have had a broken "
        "vertebra (Brooke-Wavell et al. 2022)."
    ),
    Condition.LOW_BACK_PAIN: (
        "Low back pain: to start gently, {left_out}; bending and twisting under load are the trunk "
        "movements most linked to back trouble at work ({source}). That is Liftwell's choice, not a rule "
        "of the back-pain guidelines, which recommend exercise without ruling movements out. Start the "
        "hinges light and add weight only while your back feels no worse the next day. Stop and get "
        "advice for pain that spreads down a leg, numbness or weakness."
    ),
    Condition.PREGNANCY: (
        "Pregnancy: {left_out}. Lying on your back after the first trimester and straining with a held "
        "breath are advised against ({source}); the rest is left out to be careful. Keep the effort "
        "moderate (you can still talk), do not hold your breath, and check the plan with your midwife or "
        "doctor. Stop and call them for vaginal bleeding, regular painful contractions, fluid leaking, or "
        "pain or swelling in a calf."
    ),
}


PROGRESSION_REASONS: dict[Experience, str] = {
    Experience.NEW: (
        "You are new to lifting, so most loads go up by a small fixed step each session you finish every set"
        " (linear progression): early on, strength comes quickly."
    ),
    Experience.INTERMEDIATE: (
        "With some training behind you, loads go up only after you have climbed the rep range (double "
        "progression), because gains now come more slowly."
    ),
    Experience.EXPERIENCED: (
        "With years of training, your main lifts use effort ratings (RPE) to set the weight from your recent"
        " sets; the other exercises use double progression."
    ),
}

BODYWEIGHT_PROGRESSION = (
    "With your own body weight as the load, you add a rep each session until every set reaches the top of "
    "its range, then move on to a harder version of the exercise."
)


def plan_reasons(q: Questionnaire, days: Sequence[PlannedDay]) -> tuple[str, ...]:
    reasons: list[str] = []
    n = q.days_per_week
    if n == 1:
        reasons.append(
            "One full-body session works every major muscle group once a week; WHO asks for at least 2 "
            "days, so add a second day when you can (Bull et al. 2020)."
        )
    elif n <= 3:
        reasons.append(
            f"With {n} days, every session is full body, so each major muscle group is trained {n} times a "
            "week; WHO asks for at least 2 days (Bull et al. 2020)."
        )
    else:
        reasons.append(
            f"With {n} days, upper-body and lower-body days alternate, so each major muscle group is "
            "trained at least twice a week (WHO: at least 2 days, Bull et al. 2020) and rests between "
            "sessions."
        )
    shortest = min(day.minutes for day in days)
    longest = max(day.minutes for day in days)
    span = f"{shortest}" if shortest == longest else f"{shortest}-{longest}"
    trimmed = any(exercise.trimmed for day in days for exercise in day.exercises)
    reasons.append(
        f"Each session should take about {span} of your {q.minutes_per_session} minutes, counting a "
        f"{WARMUP_S // 60}-minute warm-up, {SECONDS_PER_REP} seconds a rep, the rests between sets and time "
        "to set up each exercise."
    )
    if trimmed:
        reasons.append(
            f"To fit {q.minutes_per_session} minutes, some exercises have fewer sets than they would "
            "with more time; add a set to each when you can."
        )
    rules = [exercise.rule for day in days for exercise in day.exercises if exercise.rule is not None]
    if all(isinstance(rule, DoubleRule) and rule.increment_kg == 0 for rule in rules):
        reasons.append(BODYWEIGHT_PROGRESSION)
    else:
        reasons.append(PROGRESSION_REASONS[q.experience])
    for goal in Goal:
        if goal in q.goals:
            reasons.append(GOAL_REASONS[goal])
    reasons.extend(balance_reasons(q, days))
    if Condition.TYPE_2_DIABETES in q.conditions or Goal.BLOOD_SUGAR in q.goals:
        if n <= 3:
            reasons.append(
                "The suggested days are never back to back, as the ADA advises (Colberg et al. 2016)."
            )
        else:
            reasons.append(
                "Upper and lower days alternate, so the same muscles never work on two days in a row, in the "
                "spirit of the ADA's non-consecutive days (Colberg et al. 2016)."
            )
    if q.avoid_patterns:
        names = ", ".join(sorted(pattern.label.lower() for pattern in q.avoid_patterns))
        reasons.append(f"As you asked, there are no exercises of these kinds: {names}.")
    return tuple(reasons)


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def balance_reasons(q: Questionnaire, days: Sequence[PlannedDay]) -> tuple[str, ...]:
    """Where balance work is advised (from 65, or with osteoporosis: `roles.balance_advised`), which
    sessions have it and, truthfully, why any lacks it; from 65, how far the plan is from WHO's 3 days.

    The balance slot belongs to full-body and lower-body days. The generator keeps it when time is short
    (sets and other extras go first), so a session lacks it only when it could not fit even then, or when
    no balance exercise is left that the person may do.
    """
    if not balance_advised(q):
        return ()
    if q.age >= OLDER_AGE:
        advice = (
            "From 65, WHO advises varied, multicomponent activity that emphasises balance and strength on 3 "
            "or more days a week"
        )
        source = "Bull et al. 2020"
    else:
        advice = (
            "With osteoporosis or low bone density, balance training is advised alongside strength "
            "training, daily if you can"
        )
        source = "Too Fit To Fracture: Giangregorio et al., Osteoporos Int 2014"
    code = BALANCE.role.code
    room = [day for day in days if day.kind in BALANCE.days]
    kinds = " and ".join(
        label for kind, label in ((DayKind.LOWER, "lower-body"), (DayKind.FULL, "full-body"))
        if any(day.kind is kind for day in room)
    )  # fmt: skip
    balanced = [day for day in room if any(exercise.role == code for exercise in day.exercises)]
    lacking = [day for day in room if day not in balanced]
    no_time = all(code in day.cut_for_time for day in lacking)
    why_not = "had no time left for one" if no_time else "had none left that your equipment and answers allow"
    if not lacking:
        where = "every session" if len(room) == len(days) else f"every {kinds} session"
        text = f"{advice}, so {where} includes a balance exercise"
        if any(exercise.trimmed or exercise.quick for day in balanced for exercise in day.exercises) or any(
            day.cut_for_time for day in balanced
        ):
            text += "; to fit your time, other exercises lose sets and extras before it does"
    elif balanced:
        text = (
            f"{advice}, so the plan has a balance exercise in {len(balanced)} of its {len(room)} {kinds} "
            f"sessions; the others {why_not}, so add one, such as standing on one leg, on those days"
        )
        text += " or allow more minutes" if no_time else ""
    elif no_time:
        text = (
            f"{advice}; these sessions had no time left for a balance exercise, so add one, such as standing "
            "on one leg, on other days or allow more minutes"
        )
    else:
        text = (
            f"{advice}; none of the balance exercises is left that your equipment and answers allow, so add "
            "one, such as standing on one leg, on your training days"
        )
    reasons = [f"{text} ({source})."]
    n = q.days_per_week
    if q.age >= OLDER_AGE and n < OLDER_ADULT_DAYS:
        more = OLDER_ADULT_DAYS - n
        reasons.append(
            f"A {n}-day plan falls short of that advice for people aged 65 and over: add {more} more "
            f"day{'s' if more > 1 else ''} of balance and strength work, such as standing on one leg, "
            "heel-to-toe walking or standing up from a chair, or choose 3 days (WHO: Bull et al. 2020)."
        )
    elif q.age >= OLDER_AGE and len(balanced) < OLDER_ADULT_DAYS:
        more = OLDER_ADULT_DAYS - len(balanced)
        reasons.append(
            f"That is balance work on {_days(len(balanced))} of the week, short of WHO's 3: add it, such as "
            f"standing on one leg or heel-to-toe walking, on {more} more day{'s' if more > 1 else ''} (WHO: "
            "Bull et al. 2020)."
        )
    return tuple(reasons)


def plan_cautions(q: Questionnaire) -> tuple[str, ...]:
    return tuple(caution(condition) for condition in Condition if condition in q.conditions)


def _mmhg(reading: tuple[int, int]) -> str:
    return f"{reading[0]}/{reading[1]}"


# The blood-pressure numbers the caution states are the ones the before-training advice uses
# (`health.safety`), so the plan and the logging screens never disagree.
_CLINIC, _HOME = ADVICE_THRESHOLDS[BpLocation.CLINIC], ADVICE_THRESHOLDS[BpLocation.HOME]
BP_NUMBERS = {
    "clinic_light": _mmhg(_CLINIC.caution),
    "clinic_stop": _mmhg(_CLINIC.do_not_train),
    "home_light": _mmhg(_HOME.caution),
    "home_stop": _mmhg(_HOME.do_not_train),
}


def caution(condition: Condition) -> str:
    """The caution for one condition, naming what the plan leaves out for it."""
    return CAUTIONS[condition].format(
        left_out=left_out(condition), source=EXCLUSION_SOURCES.get(condition, ""), **BP_NUMBERS
    )


def plan_evidence(q: Questionnaire) -> tuple[str, ...]:
    evidence = [WHO_2020, ACSM_2009]
    if Goal.BONE in q.goals or Condition.OSTEOPOROSIS in q.conditions:
        evidence.append("Strong, Steady and Straight (Brooke-Wavell et al., Br J Sports Med 2022;56:837-46)")
    if Goal.BLOOD_PRESSURE in q.goals or Condition.HYPERTENSION in q.conditions:
        evidence.append(
            "Exercise and resting blood pressure (Edwards et al., Br J Sports Med 2023;57:1317-26)"
        )
    if Goal.BLOOD_SUGAR in q.goals or Condition.TYPE_2_DIABETES in q.conditions:
        evidence.append("ADA position statement (Colberg et al., Diabetes Care 2016;39:2065-79)")
    if Goal.BACK_PAIN in q.goals or Condition.LOW_BACK_PAIN in q.conditions:
        evidence.append("Exercise for chronic low back pain (Owen et al., Br J Sports Med 2020;54:1279-87)")
    if Goal.HEALTHY_AGEING in q.goals or q.age >= OLDER_AGE:
        evidence.append("NSCA position statement on older adults (Fragala et al., J Strength Cond Res 2019)")
    return tuple(evidence)
