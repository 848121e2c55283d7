"""Demo content for the Still Point Wellness example site.

Pure data: techniques, authors, articles and site settings used to populate a demo
Wagtail site. All people named here are fictional. Nothing in this module is medical advice.

Article bodies are lists of ``(block_type, value)`` tuples where ``block_type`` is one of
``"markdown"``, ``"pull_quote"`` or ``"technique_callout"``.
"""

# ---------------------------------------------------------------------------
# Shared references (real, published sources; DOIs only where verified)
# ---------------------------------------------------------------------------

REF_TRAVELL_SIMONS = {
    "citation": (
        "Simons DG, Travell JG, Simons LS. Travell & Simons' Myofascial Pain and Dysfunction: "
        "The Trigger Point Manual. Vol. 1, Upper Half of Body. 2nd ed. Baltimore: "
        "Williams & Wilkins; 1999."
    ),
    "url": "",
    "doi": "",
}

REF_QUINTNER = {
    "citation": (
        "Quintner JL, Bove GM, Cohen ML. A critical evaluation of the trigger point phenomenon. "
        "Rheumatology (Oxford). 2015;54(3):392-399."
    ),
    "url": "https://doi.org/10.1093/rheumatology/keu471",
    "doi": "10.1093/rheumatology/keu471",
}

REF_FURLAN = {
    "citation": (
        "Furlan AD, Giraldo M, Baskwill A, Irvin E, Imamura M. Massage for low-back pain. "
        "Cochrane Database of Systematic Reviews. 2015;(9):CD001929."
    ),
    "url": "https://doi.org/10.1002/14651858.CD001929.pub3",
    "doi": "10.1002/14651858.CD001929.pub3",
}

REF_MOYER = {
    "citation": (
        "Moyer CA, Rounds J, Hannum JW. A meta-analysis of massage therapy research. "
        "Psychological Bulletin. 2004;130(1):3-18."
    ),
    "url": "https://doi.org/10.1037/0033-2909.130.1.3",
    "doi": "10.1037/0033-2909.130.1.3",
}

REF_CHERKIN = {
    "citation": (
        "Cherkin DC, Sherman KJ, Kahn J, et al. A comparison of the effects of 2 types of "
        "massage and usual care on chronic low back pain: a randomized, controlled trial. "
        "Annals of Internal Medicine. 2011;155(1):1-9."
    ),
    "url": "",
    "doi": "",
}

REF_AJIMSHA = {
    "citation": (
        "Ajimsha MS, Al-Mudahka NR, Al-Madzhar JA. Effectiveness of myofascial release: "
        "systematic review of randomized controlled trials. Journal of Bodywork and Movement "
        "Therapies. 2015;19(1):102-112."
    ),
    "url": "https://doi.org/10.1016/j.jbmt.2014.06.001",
    "doi": "10.1016/j.jbmt.2014.06.001",
}

REF_DAVIS = {
    "citation": (
        "Davis HL, Alabed S, Chico TJA. Effect of sports massage on performance and recovery: "
        "a systematic review and meta-analysis. BMJ Open Sport & Exercise Medicine. "
        "2020;6(1):e000614."
    ),
    "url": "https://doi.org/10.1136/bmjsem-2019-000614",
    "doi": "10.1136/bmjsem-2019-000614",
}

REF_WEERAPONG = {
    "citation": (
        "Weerapong P, Hume PA, Kolt GS. The mechanisms of massage and effects on performance, "
        "muscle recovery and injury prevention. Sports Medicine. 2005;35(3):235-256."
    ),
    "url": "https://doi.org/10.2165/00007256-200535030-00004",
    "doi": "10.2165/00007256-200535030-00004",
}

REF_EZZO = {
    "citation": (
        "Ezzo J, Manheimer E, McNeely ML, et al. Manual lymphatic drainage for lymphedema "
        "following breast cancer treatment. Cochrane Database of Systematic Reviews. "
        "2015;(5):CD003475."
    ),
    "url": "https://doi.org/10.1002/14651858.CD003475.pub2",
    "doi": "10.1002/14651858.CD003475.pub2",
}

REF_HALLER = {
    "citation": (
        "Haller H, Lauche R, Sundberg T, Dobos G, Cramer H. Craniosacral therapy for chronic "
        "pain: a systematic review and meta-analysis of randomized controlled trials. "
        "BMC Musculoskeletal Disorders. 2020;21:1."
    ),
    "url": "https://doi.org/10.1186/s12891-019-3017-y",
    "doi": "10.1186/s12891-019-3017-y",
}

REF_CEBALLOS_LAITA = {
    "citation": (
        "Ceballos-Laita L, Ernst E, Carrasco-Uribarren A, et al. Is craniosacral therapy "
        "effective? A systematic review and meta-analysis. Healthcare (Basel). 2024;12(6):679."
    ),
    "url": "https://doi.org/10.3390/healthcare12060679",
    "doi": "10.3390/healthcare12060679",
}

REF_GROSS = {
    "citation": (
        "Gross AR, Lee H, Ezzo J, et al. Massage for neck pain. Cochrane Database of "
        "Systematic Reviews. 2024;(2):CD004871."
    ),
    "url": "https://doi.org/10.1002/14651858.CD004871.pub5",
    "doi": "10.1002/14651858.CD004871.pub5",
}

REF_CHAIBI = {
    "citation": (
        "Chaibi A, Russell MB. Manual therapies for primary chronic headaches: a systematic "
        "review of randomized controlled trials. The Journal of Headache and Pain. 2014;15:67."
    ),
    "url": "https://doi.org/10.1186/1129-2377-15-67",
    "doi": "10.1186/1129-2377-15-67",
}

REF_FIELD_PREGNANCY = {
    "citation": (
        "Field T. Pregnancy and labor massage. Expert Review of Obstetrics & Gynecology. "
        "2010;5(2):177-181."
    ),
    "url": "",
    "doi": "",
}


# ---------------------------------------------------------------------------
# Site settings
# ---------------------------------------------------------------------------

SITE = {
    "name": "Still Point Wellness",
    "tagline": "Clear, careful writing about massage and manual therapy.",
    "blog_intro": (
        "Articles from our therapists on pain, recovery, rest and everyday self-care. We aim "
        "to help you make informed choices, with honest notes on what the evidence does and "
        "does not show."
    ),
    "techniques_intro": (
        "A plain-language guide to the hands-on approaches we write about: what each one "
        "involves, what a session feels like, who should take care, and how strong the "
        "research behind it really is."
    ),
    "authors_intro": (
        "Our writers are practising massage therapists. Where an article is marked as "
        "reviewed, a second therapist has checked it for accuracy and safety."
    ),
    "disclaimer": """\
The articles on this site are general information about massage and manual therapy. They are
**not medical advice** and cannot diagnose or treat any condition.

If you have pain that is severe, new or getting worse, or you have a medical condition, are
pregnant or take regular medication, talk to your doctor or another qualified health
professional before starting a new treatment. In an emergency, call your local emergency number.
""",
}


# ---------------------------------------------------------------------------
# Techniques
# ---------------------------------------------------------------------------

TECHNIQUES = [
    {
        "slug": "trigger-point-therapy",
        "title": "Trigger Point Therapy",
        "summary": (
            "Focused, sustained pressure on tender spots in muscle that can send pain to "
            "other areas. Often used alongside other massage for stubborn, localised aches."
        ),
        "what_it_is": """\
A trigger point is usually described as a small, very tender spot within a tight band of
muscle. Pressing on one tends to reproduce a familiar ache, and the pain is often felt
somewhere else: a point in the upper shoulder, for example, may be felt as a headache at the
temple. This is known as referred pain.

Trigger point therapy is a hands-on approach that locates these spots and works on them with
steady pressure, usually combined with stretching and movement. The idea was developed and
popularised by the physicians Janet Travell and David Simons in the second half of the
twentieth century.
""",
        "how_it_works": """\
Your therapist will start by asking where you feel pain and what makes it better or worse.
They then feel through the relevant muscles for tight bands and tender spots that reproduce
your symptoms. A typical sequence looks like this:

- **Pressure:** steady pressure is held on a tender spot for up to a minute or two, at a level
  you would describe as strong but tolerable. It usually eases as the pressure is held.
- **Feedback:** you are asked to rate the intensity so the therapist can adjust it.
- **Movement:** the area is then stretched gently or moved through its range.

Many therapists finish by showing you simple self-care, such as pressing a ball against a wall,
so you can continue the work between sessions.
""",
        "benefits": [
            (
                "Targeted relief",
                "Many people report that a specific, familiar ache feels less intense after "
                "focused work on the muscles involved.",
            ),
            (
                "Easier movement",
                "As tender areas settle, movements that felt guarded, such as turning the head, "
                "often become more comfortable.",
            ),
            (
                "Making sense of pain",
                "Mapping where pressure sends pain can help explain symptoms that seemed to "
                "come from nowhere, which many people find reassuring.",
            ),
            (
                "Self-care skills",
                "The technique adapts well to careful self-massage at home between sessions.",
            ),
        ],
        "safety": """\
Trigger point work involves firm, focused pressure, so it is not suitable for everyone. Some
tenderness for a day or two afterwards is common; sharp, burning or electric sensations during
treatment are a signal to stop. Talk to your doctor first, and tell your therapist, if any of the
following apply:

- A suspected or known blood clot (deep vein thrombosis): avoid massage and seek medical advice.
- Blood-thinning medication or a bleeding disorder.
- Osteoporosis, recent fractures, or recent surgery in the area.
- Skin infections, rashes, open wounds or burns over the area.
- Fever or feeling acutely unwell.
- Pain with numbness, weakness, unexplained weight loss or night pain, which needs medical
  assessment before any hands-on treatment.
""",
        "evidence": """\
Trigger point therapy is widely used, but the underlying concept is still debated. Studies have
found that different examiners do not always agree on where trigger points are, and the
mechanism behind them is unsettled. Some researchers, such as Quintner and colleagues, argue
that the theory has been accepted with too little scientific support and that the tenderness
may reflect changes in the nervous system rather than a local problem in the muscle.

Clinical trials of manual pressure techniques tend to be small and short-term. Several report
reductions in pain, but it is often unclear how much of the benefit is specific to trigger point
work rather than to hands-on care in general. It is reasonable to see trigger point therapy as
one option for muscular pain, most useful when combined with exercise and activity.
""",
        "references": [REF_TRAVELL_SIMONS, REF_QUINTNER],
        "related": ["myofascial-release", "deep-tissue-massage"],
    },
    {
        "slug": "myofascial-release",
        "title": "Myofascial Release",
        "summary": (
            "Slow, sustained pressure and stretching applied to muscle and its surrounding "
            "connective tissue, aimed at easing stiffness and making movement more comfortable."
        ),
        "what_it_is": """\
Fascia is the connective tissue that wraps around and between muscles, linking them into
continuous sheets. Myofascial release is a group of hands-on techniques that apply slow,
sustained, relatively gentle pressure and stretch to these tissues, with the aim of reducing
stiffness and discomfort.

Practitioners often describe feeling the tissue "release" under their hands. What actually
changes is debated: fascia is very strong, and many researchers think the effects are more
likely to involve the nervous system, such as changes in muscle tone and sensitivity, than a
physical lengthening of the tissue itself.
""",
        "how_it_works": """\
Myofascial release is usually done with little or no oil, so the therapist's hands can gently
grip the skin. Rather than gliding, they sink slowly into the tissue, take up the slack and
wait, holding a gentle stretch for a minute or more while following any change they feel.

You may notice warmth, a slow pulling sensation or a feeling of spreading ease. The pressure is
generally lighter than deep tissue massage, and sessions tend to be quiet and unhurried. As
always, tell your therapist if anything feels sharp or uncomfortable.
""",
        "benefits": [
            (
                "A gentle option",
                "Suits people who find firm or fast massage uncomfortable but still want "
                "focused work on stiff areas.",
            ),
            (
                "Comfort in movement",
                "Some people find that stiff areas move more freely after treatment, at least "
                "in the short term.",
            ),
            (
                "Relaxation",
                "The slow pace and long holds are calming for many people.",
            ),
            (
                "Pairs well with exercise",
                "Can be a helpful way to ease into stretching or strengthening that a "
                "physiotherapist has recommended.",
            ),
        ],
        "safety": """\
Myofascial release is generally gentle, but sustained pressure and skin stretch are not
appropriate in every situation. Check with your doctor first, and let your therapist know, if
you have:

- Broken skin, burns, healing wounds or fragile skin (for example from long-term steroid use).
- Acute inflammation or infection in the area, or a fever.
- A suspected or known blood clot.
- A recent fracture or surgery.
- Blood-thinning medication or a bleeding disorder.
- Cancer or current cancer treatment, in which case your oncology team should be consulted.
""",
        "evidence": """\
A 2015 systematic review by Ajimsha and colleagues found that randomised trials of myofascial
release were mixed in quality but generally encouraging, particularly for some painful
musculoskeletal conditions. Many of the included studies were small, followed people for only a
short time and defined the technique in different ways, which limits how confident we can be.

The popular explanation that hands physically remodel fascia has not been established. If you
find myofascial release helpful, that benefit is real to you, but it is best thought of as one
part of a broader plan that includes movement and, where needed, medical care.
""",
        "references": [REF_AJIMSHA],
        "related": ["trigger-point-therapy", "deep-tissue-massage"],
    },
    {
        "slug": "swedish-massage",
        "title": "Swedish Massage",
        "summary": (
            "The classic full-body relaxation massage, using long gliding strokes, kneading "
            "and a steady rhythm. A good starting point if you are new to massage."
        ),
        "what_it_is": """\
Swedish massage is the foundation of most Western massage training. It is built on a handful of
basic strokes: long, gliding strokes (effleurage), kneading (petrissage), small circular
friction, light rhythmic tapping (tapotement) and vibration. Pressure usually ranges from light
to moderate and can be adjusted to your preference.

The emphasis is on comfort and relaxation, though a skilled therapist can also spend extra time
on areas that feel tight or achy.
""",
        "how_it_works": """\
A session usually lasts 60 minutes. After a short conversation about your health and what you
would like from the session, the therapist leaves the room while you undress to your comfort
level and lie under a sheet. Only the area being worked on is uncovered at any time.

Using oil or lotion, the therapist typically works through the back, legs, arms, neck and
shoulders, and sometimes the scalp and face. You can chat or stay quiet, and you can ask for
more or less pressure, or for an area to be skipped, at any time.
""",
        "benefits": [
            (
                "Relaxation",
                "Many people feel calmer and more settled after a session, and some notice "
                "slower breathing and heart rate.",
            ),
            (
                "Short-term ease of aches",
                "General muscle aches and stiffness often feel better for a while afterwards.",
            ),
            (
                "Lower anxiety",
                "Research suggests massage can reduce anxiety in the short term.",
            ),
            (
                "An easy first step",
                "A gentle, adaptable introduction for anyone unsure about massage.",
            ),
        ],
        "safety": """\
Swedish massage is one of the gentlest forms of massage and is safe for most people, but it
should be postponed or adapted in some situations. Talk to your doctor first if you are unsure,
and always tell your therapist about:

- Fever, a contagious illness, or feeling acutely unwell: reschedule.
- A suspected blood clot (calf pain, swelling or warmth): seek medical advice, not massage.
- Skin infections, rashes, open wounds or recent burns.
- Recent surgery, in which case check with your surgeon first.
- Heart conditions or poorly controlled blood pressure.
- Pregnancy, cancer treatment or other significant health conditions.
- Allergies to nuts, oils or fragrances.
""",
        "evidence": """\
Relaxation-focused massage is among the better-studied forms of massage, though the overall
quality of research is modest. A 2004 meta-analysis by Moyer, Rounds and Hannum found that single
sessions reduced anxiety, blood pressure and heart rate in the short term, and that a course of
sessions was associated with lower anxiety and depression scores.

For chronic low back pain, a randomised trial by Cherkin and colleagues found that relaxation
massage and a more focused structural massage gave similar improvements over usual care, with
benefits fading over the following months. Swedish massage is best seen as a pleasant,
low-risk way to feel better for a while, not as a cure.
""",
        "references": [REF_MOYER, REF_CHERKIN],
        "related": ["deep-tissue-massage", "sports-massage", "lymphatic-drainage"],
    },
    {
        "slug": "deep-tissue-massage",
        "title": "Deep Tissue Massage",
        "summary": (
            "Slower, firmer massage aimed at deeper layers of muscle, usually focused on "
            "areas of long-standing tension. Firm does not have to mean painful."
        ),
        "what_it_is": """\
Deep tissue massage uses slower strokes and more sustained pressure than a typical relaxation
massage, sometimes applied with the forearm, knuckles or elbow. Rather than working through the
whole body, it usually concentrates on a few areas of persistent tension, such as the upper
back, hips or calves.

"Deep" describes the approach, not the amount of pain. Good deep work is paced so that your
muscles can soften under the pressure instead of bracing against it.
""",
        "how_it_works": """\
The therapist usually warms the area with lighter strokes before gradually increasing pressure.
Strokes are slow, and pressure may be held on particular spots. Expect frequent check-ins: you
might be asked to rate intensity on a scale from 0 to 10, with most work staying in a range
that feels strong but comfortable.

Slow breathing helps. Some tenderness for a day or two afterwards is common, rather like after
an unfamiliar workout. You do not need to drink extra water to "flush toxins"; simply drink
when you are thirsty.
""",
        "benefits": [
            (
                "Focus on stubborn areas",
                "Time can be spent on the specific places that bother you most.",
            ),
            (
                "Easier movement",
                "Tight areas may feel looser, and some people notice improved range of motion "
                "for a while afterwards.",
            ),
            (
                "Preferred pressure",
                "Some people simply find firmer pressure more satisfying and relaxing.",
            ),
            (
                "Body awareness",
                "Many people learn where they habitually hold tension, which can guide "
                "everyday changes.",
            ),
        ],
        "safety": """\
Because the pressure is firmer, deep tissue massage needs more caution than lighter styles.
Bruising is a sign that the pressure was too heavy. Check with your doctor before booking, and
always tell your therapist, if you have:

- Blood-thinning medication or a bleeding disorder.
- Osteoporosis or other conditions that weaken bones.
- A suspected or previous blood clot, or varicose veins in the area.
- Diabetes or nerve conditions that reduce sensation.
- Recent injury, surgery or an inflamed joint.
- Pregnancy, in which case deep pressure on the legs should be avoided.
""",
        "evidence": """\
There is little research that isolates "deep tissue" massage as a distinct technique; most
studies test mixed approaches. A Cochrane review by Furlan and colleagues concluded that massage
may offer short-term improvement for low back pain, but rated the quality of evidence as low or
very low.

In a randomised trial for chronic low back pain, Cherkin and colleagues found that a focused,
structural style of massage and a relaxation massage produced broadly similar improvements. This
suggests that deeper is not automatically better, and that choosing a pressure you can relax
into is a sensible approach.
""",
        "references": [REF_FURLAN, REF_CHERKIN],
        "related": ["swedish-massage", "trigger-point-therapy", "sports-massage"],
    },
    {
        "slug": "sports-massage",
        "title": "Sports Massage",
        "summary": (
            "Massage adapted to the demands of training and competition, from brisk pre-event "
            "work to gentle recovery sessions and more detailed maintenance."
        ),
        "what_it_is": """\
Sports massage is less a single technique than a way of applying massage around training and
competition. It borrows strokes from Swedish and deep tissue massage and often adds stretching
and joint movement.

What happens depends on timing. Pre-event work is short and brisk, post-event work is gentle and
soothing, and maintenance sessions during a training block are slower and more detailed.
""",
        "how_it_works": """\
Your therapist will ask about your sport, training load and any upcoming events before
deciding on the approach:

- **Pre-event:** 10 to 20 minutes of quick, rhythmic strokes, sometimes over clothing.
- **Post-event:** light, flowing strokes once you have cooled down, eaten and had a drink.
- **Maintenance:** 45 to 60 minutes of more focused work on areas that tend to tighten.

Deep or unfamiliar work is best kept well away from competition days.
""",
        "benefits": [
            (
                "Less soreness",
                "Research suggests massage may reduce delayed onset muscle soreness a little.",
            ),
            (
                "Flexibility",
                "Small short-term improvements in flexibility have been reported.",
            ),
            (
                "Feeling ready",
                "Many athletes say pre-event massage helps them feel loose and prepared.",
            ),
            (
                "Paying attention",
                "Regular sessions can prompt you to notice niggles early and get them checked.",
            ),
        ],
        "safety": """\
Sports massage is generally safe, but it is not a substitute for assessment of an injury.
Skip massage and see a doctor or physiotherapist if you have signs of a significant injury,
and take extra care in the following situations:

- An acute injury with swelling, bruising, or pain on weight-bearing, especially in the first
  few days.
- Suspected heat illness, severe exhaustion or confusion after an event: this needs medical
  care, not massage.
- A swollen, hot, painful calf, which can indicate a blood clot.
- Blisters, abrasions or skin infections.
- Very dark urine or severe, worsening muscle pain after extreme exercise.
""",
        "evidence": """\
A 2020 meta-analysis by Davis and colleagues, pooling 29 randomised studies, found no evidence
that massage improves strength, sprinting, jumping, endurance or fatigue. It did find small
improvements in flexibility and in delayed onset muscle soreness.

An earlier review by Weerapong and colleagues discussed the many ways massage might affect the
body but noted how little controlled research supported claims about performance and injury
prevention. In short, sports massage may help recovery feel better, but claims that it directly
boosts performance are not well supported.
""",
        "references": [REF_DAVIS, REF_WEERAPONG],
        "related": ["deep-tissue-massage", "swedish-massage"],
    },
    {
        "slug": "lymphatic-drainage",
        "title": "Manual Lymphatic Drainage",
        "summary": (
            "A very light, rhythmic skin-stretching technique intended to encourage lymph "
            "flow. Used clinically for lymphoedema, usually as part of a wider treatment plan."
        ),
        "what_it_is": """\
The lymphatic system is a network of thin vessels and nodes that returns fluid from the tissues
to the bloodstream and plays a part in immunity. Manual lymphatic drainage (MLD), developed in
the 1930s by Emil and Estrid Vodder, uses very light, slow, repetitive strokes that stretch the
skin in particular directions, with the aim of encouraging lymph to move towards working nodes.

In clinical care it is used mainly for lymphoedema, often after cancer treatment, alongside
compression, skin care and exercise. It is different from "lymphatic massage" sold for
detoxing or slimming, claims that are not supported by evidence.
""",
        "how_it_works": """\
MLD feels very different from other massage: no oil, no kneading and only enough pressure to
gently move the skin. The therapist usually starts at the neck and trunk before working slowly
towards the swollen area. Sessions last 30 to 60 minutes and are often deeply relaxing.

For lymphoedema, treatment should be given by a therapist with specific lymphoedema
training, and is commonly followed by compression bandaging or a compression garment. You may
also be taught simple self-drainage to use at home.
""",
        "benefits": [
            (
                "Comfort",
                "Swollen areas can feel lighter and less tight after treatment.",
            ),
            (
                "Part of lymphoedema care",
                "Used with compression, it may help reduce swelling for some people.",
            ),
            (
                "Very gentle",
                "Suitable for many people who cannot tolerate firmer massage.",
            ),
            (
                "Self-care skills",
                "Learning self-drainage and skin care can help you manage swelling day to day.",
            ),
        ],
        "safety": """\
MLD is gentle, but moving fluid around the body is not always appropriate. New or unexplained
swelling should always be checked by a doctor first, because it can have causes such as a blood
clot, heart, kidney or liver problems. MLD should be avoided, or only given with medical
approval, in the following situations:

- An active infection such as cellulitis, or a fever.
- A suspected or recent blood clot.
- Heart failure or significant kidney disease.
- Active cancer, unless your oncology team agrees.
- After surgery, unless your surgeon has approved it.
""",
        "evidence": """\
The best-studied use of MLD is breast cancer-related lymphoedema. A 2015 Cochrane review by Ezzo
and colleagues concluded that MLD appears safe and may add a modest benefit to compression for
reducing swelling in some people, but the trials were small and the results were not
consistent. Compression remains the mainstay of treatment.

There is no good evidence that MLD "detoxes" the body, boosts immunity in healthy people or
helps with weight loss. We recommend it only for comfort or as part of medically supervised
care for swelling.
""",
        "references": [REF_EZZO],
        "related": ["swedish-massage", "craniosacral-therapy"],
    },
    {
        "slug": "craniosacral-therapy",
        "title": "Craniosacral Therapy",
        "summary": (
            "A very gentle, hands-on approach focused on the head, spine and pelvis. Many people "
            "find it calming, but its underlying theory is not supported by good evidence."
        ),
        "what_it_is": """\
Craniosacral therapy grew out of cranial osteopathy and was popularised by the osteopath John
Upledger from the 1970s onwards. Practitioners use very light touch, often described as about
the weight of a coin, on the head, spine and pelvis. They say they can feel a subtle rhythm in
the fluid around the brain and spinal cord and gently influence it.

We want to be straightforward: the idea that this rhythm can be reliably felt, or that light
touch can meaningfully move the bones of the adult skull, is not supported by good evidence.
We offer craniosacral therapy as a quiet, light-touch relaxation option, not as a treatment
for any disease.
""",
        "how_it_works": """\
You stay fully clothed and usually lie on your back. The therapist rests their hands lightly
at points such as the back of the head, the base of the skull, the sacrum at the base of the
spine, and the feet, holding each position for several minutes with very little movement.

Sessions are quiet and still. Many people feel relaxed or drowsy; a few find the stillness
uncomfortable and prefer a more active style of massage.
""",
        "benefits": [
            (
                "Relaxation",
                "Many people describe feeling calm and rested during and after a session.",
            ),
            (
                "Very light touch",
                "An option for people who find pressure uncomfortable or who are very tender.",
            ),
            (
                "Time to be still",
                "A structured, quiet hour can be valuable in itself for stressed, busy people.",
            ),
        ],
        "safety": """\
Because the touch is so light, craniosacral therapy carries little physical risk. The main risk
is relying on it instead of getting proper medical care. See a doctor first, and do not use it
as a substitute for assessment or treatment, in these situations:

- A recent head injury, concussion or skull fracture.
- Bleeding in or around the brain, or recent brain surgery.
- Conditions that affect pressure inside the skull.
- New, severe or changing headaches, or neurological symptoms such as weakness or numbness.
- Babies and children with symptoms such as persistent crying, feeding problems or poor
  development, which should be assessed by a doctor or health visitor.
""",
        "evidence": """\
The evidence is weak and conflicting. A 2020 meta-analysis by Haller and colleagues pooled ten
small randomised trials in people with chronic pain and reported improvements in pain and
function compared with sham treatment and usual care; however, the trials were few and small,
and the authors called for larger, better-designed studies. A 2024 systematic review by
Ceballos-Laita and colleagues, looking across a range of conditions, concluded that
craniosacral therapy produced no clinically relevant benefits.

Studies also suggest that different practitioners do not agree on the rhythm they claim to
feel. Any benefit people experience is probably best explained by calm touch, attention and
relaxation rather than the specific theory. Please treat it as a comfort measure, not a cure.
""",
        "references": [REF_HALLER, REF_CEBALLOS_LAITA],
        "related": ["swedish-massage", "lymphatic-drainage"],
    },
]


# ---------------------------------------------------------------------------
# Authors (fictional therapists)
# ---------------------------------------------------------------------------

AUTHORS = [
    {
        "slug": "maren-oakhurst",
        "name": "Maren Oakhurst",
        "credentials": "LMT, NCTMB",
        "short_bio": (
            "Massage therapist focused on persistent neck, shoulder and back pain, with a "
            "particular interest in trigger point and myofascial work."
        ),
        "long_bio": """\
Maren has worked as a massage therapist for over fifteen years, many of them alongside
physiotherapists in a busy outpatient clinic. Most of her clients come to her with aches that
have outstayed their welcome: desk-related neck and shoulder pain, tension headaches and
long-standing lower back trouble.

She is interested in what the research does and does not say about hands-on care, and is
happiest when a client leaves with a clearer understanding of their pain and a few practical
things to try at home. Outside the clinic she swims in cold water and bakes bread.
""",
        "specialties": ["trigger-point-therapy", "myofascial-release", "deep-tissue-massage"],
        "colour": "#2f6f5e",
    },
    {
        "slug": "jonah-whitlowe",
        "name": "Jonah Whitlowe",
        "credentials": "LMT, CSCS",
        "short_bio": (
            "Sports massage therapist and strength coach who works with runners, cyclists and "
            "weekend athletes, from first 5K to marathon."
        ),
        "long_bio": """\
Jonah came to massage through running. After years of competing over middle distances, he
trained as a massage therapist and later as a strength and conditioning coach, and he now works
with athletes of all levels, from people training for their first race to club cyclists.

His approach is practical and evidence-aware: he likes to be clear about what massage can
realistically do for recovery, and he refers on quickly when an ache looks like an injury. He
still runs most mornings, though he admits he is slower than he used to be.
""",
        "specialties": ["sports-massage", "deep-tissue-massage", "swedish-massage"],
        "colour": "#44577f",
    },
    {
        "slug": "sunniva-achterberg",
        "name": "Sunniva Achterberg",
        "credentials": "LMT, CLT",
        "short_bio": (
            "Massage therapist and certified lymphoedema therapist with a gentle, "
            "relaxation-focused practice and a special interest in post-surgical and "
            "prenatal care."
        ),
        "long_bio": """\
Sunniva trained first in Swedish massage and later qualified as a lymphoedema therapist after
several years of working with people recovering from cancer treatment. She works closely with
surgeons, oncology nurses and midwives, and always asks for their input before treating
clients with complex health needs.

Her practice focuses on very gentle approaches, including manual lymphatic drainage and
prenatal massage. She is candid about the limits of the evidence and believes that calm,
respectful touch is valuable in its own right. She spends her free time walking in the hills.
""",
        "specialties": ["lymphatic-drainage", "swedish-massage", "craniosacral-therapy"],
        "colour": "#7d4a63",
    },
]


# ---------------------------------------------------------------------------
# Articles (oldest first)
# ---------------------------------------------------------------------------

ARTICLES = [
    {
        "slug": "trigger-point-therapy-for-chronic-pain",
        "title": "Trigger Point Therapy for Chronic Pain: Techniques and Benefits",
        "summary": (
            "What trigger points are, how focused pressure work may help long-standing "
            "muscular pain, the benefits people most often notice, and when to see a doctor "
            "first."
        ),
        "date": "2024-01-18",
        "authors": ["maren-oakhurst"],
        "techniques": ["trigger-point-therapy", "myofascial-release"],
        "tags": ["chronic pain", "trigger points"],
        "reviewer": "jonah-whitlowe",
        "references": [REF_TRAVELL_SIMONS, REF_QUINTNER],
        "body": [
            (
                "markdown",
                """\
## Introduction

Chronic pain, usually defined as pain lasting longer than three months, is one of the most
common reasons people book a massage. For many, a large part of the ache seems to live in the
muscles: a stubborn knot beside the shoulder blade, or a band of tension along the neck that
never quite lets go. Trigger point therapy is a hands-on approach that focuses on those spots.
It is not a cure for chronic pain, but for the right person it can be a useful part of a wider
plan.

## What are trigger points?

A trigger point is usually described as a small, very tender spot within a tight band of
muscle. Pressing on it tends to reproduce a familiar ache, and it often sends pain somewhere
else, a pattern known as referred pain. A point in the upper shoulder, for example, may produce
a headache over the temple, while one in the buttock may be felt down the back of the thigh.

Researchers still debate exactly what trigger points are. Some see them as small areas of
muscle dysfunction; others think the tenderness reflects a sensitised nervous system rather
than a physical knot. What is not in doubt is that many people have tender, pain-reproducing
spots in their muscles, and that how those spots respond to careful treatment can be explored
safely.

## How trigger point therapy helps with chronic pain

In a session, your therapist will ask where the pain is and what makes it better or worse,
then feel through the muscles for tight bands that reproduce your symptoms. When they find one,
they apply steady pressure for up to a minute or two while you breathe slowly. You should feel
strong but tolerable pressure that gradually eases. Sharp, burning or electric sensations are
a signal to stop.

The pressure is usually followed by gentle stretching and movement. The goal is less to break
anything up than to calm an over-protective area and show your body that it can move
comfortably again. Your therapist may also suggest changes to posture or activity, and simple
self-care such as leaning into a ball against a wall.

Long-standing pain is shaped by sleep, stress, activity and general health as well as by
muscles. That is why trigger point work tends to help most when it sits alongside exercise and,
where needed, medical care.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "trigger-point-therapy",
                    "note": "How a session works, and who should avoid firm pressure.",
                },
            ),
            (
                "markdown",
                """\
## Benefits of trigger point therapy

- **Pain relief:** Many people report less intense or less frequent pain after treatment,
  especially for aches in the neck, shoulders and lower back. Relief is often temporary, so
  regular self-care helps it last.
- **Increased mobility:** As tender areas settle, movements that felt guarded, such as turning
  the head or reaching overhead, may become easier.
- **Improved circulation:** Sustained pressure followed by release may briefly increase local
  blood flow, leaving the area warm and less stiff. This is a short-lived, local effect, not a
  treatment for circulation problems.
- **Stress reduction:** Focused, attentive touch can be calming, and feeling more in control
  of your pain can ease the worry that often comes with it.

## Conclusion

Trigger point therapy offers a practical way to work with muscular pain that has hung around for
months. The science behind trigger points is still unsettled, and the best results usually come
from combining hands-on work with movement and good everyday habits. If your pain is severe or
getting worse, or comes with numbness, weakness, fever or unexplained weight loss, see a doctor
before booking any massage.
""",
            ),
        ],
    },
    {
        "slug": "desk-work-neck-and-shoulder-tension",
        "title": "Desk-Bound: Easing Neck and Shoulder Tension From Computer Work",
        "summary": (
            "Why hours at a screen so often end up in your neck and shoulders, what massage can "
            "realistically do about it, and small desk habits that help between sessions."
        ),
        "date": "2024-04-09",
        "authors": ["maren-oakhurst"],
        "techniques": ["trigger-point-therapy", "deep-tissue-massage"],
        "tags": ["desk work", "neck pain", "self-care"],
        "reviewer": None,
        "references": [REF_GROSS],
        "body": [
            (
                "markdown",
                """\
## Why desk work lands in your neck

Most of us don't sit badly on purpose. We start the day upright, then gradually drift towards
the screen: head forward, shoulders creeping up, one arm reaching for the mouse. None of these
positions is harmful in itself. The trouble is holding any one of them for hours while the
muscles that support the head and arms do quiet, unbroken work.

The upper trapezius, the muscles running from the neck to the shoulder blade, and the small
muscles at the base of the skull are common complaints. People describe a band of tightness
from the neck to the shoulder, an ache between the shoulder blades, or a dull pressure that
climbs into the head by late afternoon. Stress and deadlines tend to turn the volume up.

## What a massage session can do

A session aimed at desk-related tension usually combines broad, relaxing strokes with more
focused work on tender spots in the neck, shoulders and upper back. Many therapists use trigger
point techniques here, because tender points in these muscles often reproduce the exact ache
people recognise from the working day.

Most people leave feeling looser and less sore, and massage may ease neck pain in the short
term. However, a 2024 Cochrane review rated the certainty of the evidence as low, and relief
tends to fade unless something about the working day changes too. Think of massage as a
helpful reset rather than a permanent fix.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "trigger-point-therapy",
                    "note": "Often used for the knots that build up across the shoulders.",
                },
            ),
            (
                "markdown",
                """\
## Small changes at the desk

You don't need an expensive chair to make a difference. A few adjustments go a long way:

- Raise the screen so the top sits roughly at eye level, close enough to read without leaning.
- Keep the mouse and keyboard close, so your elbows can rest near your sides.
- If you use a laptop for long stretches, a separate keyboard and a stand are worth it.
- Most importantly, vary your position. The best posture is the next one.

## A three-minute reset

Try this every hour or so, or whenever you notice your shoulders creeping towards your ears:

1. Roll your shoulders slowly backwards five times, then let them drop.
2. Gently tip one ear towards your shoulder and stay for three slow breaths. Swap sides.
3. Interlace your fingers, reach your arms forward and let your upper back round.
4. Stand up, fetch a glass of water, and look at something far away for a moment.

None of this should hurt. If a stretch causes sharp pain, tingling or numbness, stop.

## When to get checked

See a doctor or physiotherapist if neck pain follows an accident or fall, spreads down an arm
with numbness, tingling or weakness, wakes you at night, or comes with fever, headache and a
stiff neck. These symptoms need a proper assessment before anyone works on the area.
""",
            ),
        ],
    },
    {
        "slug": "what-to-expect-at-your-first-massage",
        "title": "What to Expect at Your First Massage",
        "summary": (
            "Nervous about your first appointment? A step-by-step guide to booking, the health "
            "questions, undressing and draping, talking about pressure, and how you may feel "
            "afterwards."
        ),
        "date": "2024-06-20",
        "authors": ["sunniva-achterberg"],
        "techniques": ["swedish-massage"],
        "tags": ["first visit", "getting started"],
        "reviewer": None,
        "references": [],
        "body": [
            (
                "markdown",
                """\
## Before you book

If this is your first massage, a relaxation-focused session such as a Swedish massage is a
gentle place to start. Sixty minutes is a common length: long enough to settle in, but not so
long that you start counting the minutes. Try not to eat a heavy meal just beforehand, and give
yourself a few unhurried minutes afterwards if you can.

## The health questions

Expect a short form or conversation about your health. It can feel like a lot of questions for
a massage, but it matters. Mention any medical conditions, recent injuries or surgery,
medicines (especially blood thinners), allergies to oils or lotions, and whether you are or
might be pregnant. Your answers help the therapist decide what is safe and what to avoid, and
they should be kept confidential.

This is also the moment to say what you would like from the session: to relax, to focus on a
sore back, or simply to find out what massage is like.

## Undressing and draping

Your therapist will leave the room while you undress to your level of comfort and lie under a
sheet or towel. Many people keep their underwear on; some keep more clothing on, and that is
fine. Only the part of the body being worked on is uncovered at any time. If you would rather
stay fully clothed, say so, and your therapist can adapt.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "swedish-massage",
                    "note": "A good first choice if you are new to massage.",
                },
            ),
            (
                "markdown",
                """\
## During the massage

A typical session moves through the back, legs, arms, neck and shoulders. You can chat or stay
quiet; plenty of people drift off, and that is fine too.

The most useful thing you can do is speak up. If the pressure is too firm or too light, if you
are cold, or if a position is uncomfortable, tell your therapist. A good therapist will check
in, but they cannot read your mind. You can ask to skip an area, or to stop the session, at any
point and for any reason.

## Afterwards

Get up slowly, as some people feel a little light-headed after lying down for an hour. It is
common to feel relaxed, sleepy or pleasantly loose. Mild tenderness for a day or so can happen,
especially after firmer work. Soreness that is severe, or that comes with swelling, bruising or
new symptoms, is worth mentioning to your therapist or doctor.

## Common worries

- **What if I fall asleep?** Then the massage is doing its job. Nobody minds a gentle snore.
- **I haven't shaved.** Your therapist will not mind or comment.
- **I'm ticklish.** Mention it. Slower, firmer strokes usually help.
- **What if I feel emotional?** It happens occasionally and it is okay. You can pause at any
  time.
""",
            ),
        ],
    },
    {
        "slug": "massage-and-sleep",
        "title": "Can Massage Help You Sleep Better?",
        "summary": (
            "Massage often leaves people drowsy, but does it improve sleep? What the research "
            "suggests, how to make an evening session count, and when poor sleep needs a doctor."
        ),
        "date": "2024-09-12",
        "authors": ["sunniva-achterberg"],
        "techniques": ["swedish-massage", "craniosacral-therapy"],
        "tags": ["sleep", "stress", "self-care"],
        "reviewer": "maren-oakhurst",
        "references": [REF_MOYER],
        "body": [
            (
                "markdown",
                """\
## Why the link makes sense

Ask people how they feel after a relaxing massage and "sleepy" is usually near the top of the
list. That is not surprising. Slow, rhythmic touch in a warm, quiet room encourages the body to
shift away from the alert, on-guard state that keeps many of us awake, towards the slower
breathing and heart rate we associate with rest. Less muscular discomfort can also make it
easier to find a comfortable position at night.

## What the research suggests

The evidence is encouraging but limited. Studies have looked at massage and sleep in groups
such as hospital patients, older adults, people with cancer and new parents, and many report
better sleep quality, at least in the short term. Most of these trials are small, rely on people
rating their own sleep, and struggle to compare massage with a convincing placebo. It is fair to
say massage may help some people sleep better for a while; it is not a proven treatment for
insomnia.

Broader research on massage and anxiety, including a 2004 meta-analysis by Moyer and
colleagues, found reductions in anxiety after massage. Since worry and sleep are closely linked,
that may be part of the story.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "swedish-massage",
                    "note": "The gentle, rhythmic style most associated with relaxation.",
                },
            ),
            (
                "markdown",
                """\
## Making the most of an evening session

If better sleep is your main goal, a few details help:

- Book later in the day if you can, and plan a quiet evening afterwards.
- Ask for a calm, steady pace and moderate pressure rather than intense deep work.
- Skip caffeine in the afternoon, and put your phone away once you are home.
- Keep the evening warm and dim, as you would before bed.

Some people also find very light approaches such as craniosacral therapy calming. The evidence
for its specific claims is weak, but if gentle stillness suits you, it can be a pleasant way to
unwind.

## A simple wind-down at home

You don't need a therapist every night. In bed, rest your hands on your lower ribs and breathe
slowly, so your ribs move gently under your palms. Then squeeze slowly along each forearm,
press your thumbs in circles over your palms, and finish with light fingertip circles along your
jaw and temples. Five minutes is plenty.

## When to see a doctor

Talk to your doctor if poor sleep has lasted more than a few weeks and is affecting your days,
or if someone notices you snoring loudly, gasping or pausing in your breathing at night. These
can be signs of sleep apnoea, which needs medical assessment. For long-term insomnia, a
structured approach called cognitive behavioural therapy for insomnia (CBT-I) is widely
recommended as a first treatment, and massage can sit comfortably alongside it.
""",
            ),
        ],
    },
    {
        "slug": "post-marathon-recovery",
        "title": "After the Finish Line: Massage and Marathon Recovery",
        "summary": (
            "How and when massage fits into the days after a marathon, what it can and cannot "
            "do for sore legs, and the warning signs that need a doctor rather than a therapist."
        ),
        "date": "2024-11-05",
        "authors": ["jonah-whitlowe"],
        "techniques": ["sports-massage", "swedish-massage"],
        "tags": ["running", "recovery"],
        "reviewer": None,
        "references": [REF_DAVIS],
        "body": [
            (
                "markdown",
                """\
## The first few hours

Crossing the line is the easy part; the next few days can be surprisingly uncomfortable. In
the first hours after a marathon, your priorities are simple: keep moving gently, get warm,
drink, eat something and rest. If the event has a massage tent, a short, light session can feel
lovely, but this is not the time for deep work. Your leg muscles have just taken a real
battering, and heavy pressure can add to the strain.

## Days two to four: where massage fits

Delayed onset muscle soreness usually peaks one to three days after a hard effort. This is a
good window for a gentle to moderate sports massage focused on the calves, thighs and hips.
Expect long, flowing strokes, gentle kneading and some easy movement of the joints, with
pressure kept comfortably below the point where you tense up.

Deeper, more targeted work is better saved for a week or more later, once your legs have had
time to recover.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "sports-massage",
                    "note": "Post-event work is lighter than most runners expect.",
                },
            ),
            (
                "markdown",
                """\
## What massage can and cannot do

It is worth being honest here. A 2020 meta-analysis by Davis and colleagues, pooling 29
studies, found that massage produced small improvements in muscle soreness and flexibility. It
did not find clear improvements in strength, sprinting, jumping or endurance. In other words,
massage can make recovery feel better, but it is unlikely to speed up the underlying repair in
any dramatic way.
""",
            ),
            (
                "pull_quote",
                {
                    "quote": (
                        "Massage won't rebuild your legs for you. What it can do is make the "
                        "rebuilding feel a lot kinder."
                    ),
                    "attribution": "Jonah Whitlowe, LMT, CSCS",
                },
            ),
            (
                "markdown",
                """\
Feeling better still matters. Less soreness makes it easier to walk, sleep and return to easy
running, and most runners simply enjoy it.

## Warning signs

Some post-race symptoms need medical attention rather than massage:

- Very dark, cola-coloured urine, or severe muscle pain and weakness that gets worse instead of
  easing.
- A calf that is swollen, warm and tender, especially after a long journey home.
- Pain in one specific spot on a bone, such as the shin or foot, that hurts more with each step.
- Confusion, vomiting, a severe headache or feeling faint after the race.

If any of these apply, contact a doctor, or emergency services if you feel very unwell.

## A sample recovery week

- **Day 1:** Walk, eat, rest. A light massage is optional.
- **Days 2 to 4:** Gentle massage, easy walks or an easy spin on a bike.
- **Days 5 to 7:** Short, easy runs if you feel ready.
- **Week 2 onwards:** Deeper maintenance work, if you'd like it.
""",
            ),
        ],
    },
    {
        "slug": "lymphatic-drainage-after-surgery",
        "title": "Lymphatic Drainage After Surgery: Talk to Your Surgeon First",
        "summary": (
            "Manual lymphatic drainage is sometimes offered after surgery to help with swelling. "
            "What it is, when it may be appropriate, and why your surgeon's approval comes first."
        ),
        "date": "2025-02-13",
        "authors": ["sunniva-achterberg"],
        "techniques": ["lymphatic-drainage"],
        "tags": ["surgery", "swelling", "recovery"],
        "reviewer": "maren-oakhurst",
        "references": [REF_EZZO],
        "body": [
            (
                "markdown",
                """\
## Why swelling happens after surgery

Some swelling after an operation is a normal part of healing. Surgery disturbs small blood and
lymph vessels, and the body sends fluid and immune cells to the area. For most people this
settles gradually over days or weeks. When lymph nodes have been removed or treated with
radiotherapy, as in some cancer operations, the lymphatic system may struggle to clear fluid,
and a longer-lasting swelling called lymphoedema can develop.

## What manual lymphatic drainage is

Manual lymphatic drainage (MLD) is a very light, rhythmic technique that gently stretches the
skin in particular directions, intended to encourage lymph to move towards working lymph nodes.
It feels nothing like a typical massage: there is no oil, no kneading and no deep pressure.

In lymphoedema care, MLD is usually one part of a wider programme that also includes
compression, skin care and exercise, delivered by a therapist with specific lymphoedema
training. A 2015 Cochrane review of MLD for breast cancer-related lymphoedema suggested it may
add a modest benefit to compression for some people, but the results were mixed, and
compression remains the mainstay.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "lymphatic-drainage",
                    "note": "Safety, contraindications and what the evidence shows.",
                },
            ),
            (
                "markdown",
                """\
## Talk to your surgeon first

**Please don't book MLD after surgery without checking with your surgeon or medical team.** They
know exactly what was done, how your wounds are healing, and whether there are reasons to wait.
Some surgeons recommend MLD after certain procedures and can refer you to a therapist they
trust; others prefer you to avoid hands-on treatment until particular milestones are reached. A
responsible therapist will ask for this approval before starting.

Bring your therapist any instructions you have been given about compression garments, drains,
dressings and activity, and keep your medical team informed about the treatment.

## What a session looks like

Sessions usually last 30 to 60 minutes. Your therapist will often begin at the neck and trunk
before moving slowly towards the swollen area, always keeping well away from incisions that are
still healing. Many people find it deeply relaxing. You may also be shown simple self-drainage
techniques to use at home.

## Red flags: contact your medical team

Seek medical advice promptly, and do not have MLD, if you notice:

- Increasing redness, heat or pain around a wound, or a fever.
- Swelling, pain or warmth in one calf or thigh.
- Sudden shortness of breath or chest pain. Call emergency services.
- Swelling that gets rapidly worse rather than slowly better.

These can be signs of infection or a blood clot, which need urgent medical care, not massage.
""",
            ),
        ],
    },
    {
        "slug": "deep-tissue-massage-myths",
        "title": "No Pain, No Gain? Four Myths About Deep Tissue Massage",
        "summary": (
            "Deep tissue massage does not have to hurt to help. We look at four common myths, "
            "from flushing toxins to breaking up knots, and at what good deep work feels like."
        ),
        "date": "2025-04-22",
        "authors": ["jonah-whitlowe", "maren-oakhurst"],
        "techniques": ["deep-tissue-massage", "swedish-massage"],
        "tags": ["myths", "chronic pain"],
        "reviewer": "sunniva-achterberg",
        "references": [REF_CHERKIN, REF_FURLAN],
        "body": [
            (
                "markdown",
                """\
Deep tissue massage has a reputation. Some people love it for exactly that reason; others avoid
massage altogether because they expect an hour of gritted teeth. Much of what is said about it
doesn't hold up, so let's look at four common beliefs.

## Myth 1: It has to hurt to work

Firm pressure can feel intense, and a little "good" discomfort is normal. But pain that makes
you hold your breath, clench your jaw or pull away is counterproductive. When the body senses a
threat, muscles tend to guard and tighten, which is the opposite of what you are trying to
achieve. Bruising after a massage is a sign that the pressure was too heavy, not a badge of
honour.
""",
            ),
            (
                "pull_quote",
                {
                    "quote": (
                        "If you're bracing against the pressure, we've gone past useful. Deep "
                        "work should feel like something you can breathe into."
                    ),
                    "attribution": "Maren Oakhurst, LMT, NCTMB",
                },
            ),
            (
                "markdown",
                """\
## Myth 2: Soreness means toxins are leaving

You may hear that deep massage releases toxins, which is why you feel sore or tired
afterwards, and that you must drink lots of water to flush them out. There is no good evidence
for this. Your liver and kidneys deal with waste around the clock. Mild soreness after firm
massage more likely reflects the mechanical work done on sensitive tissues, much like after an
unfamiliar workout. Drink water if you are thirsty; it is not a detox.

## Myth 3: Deep pressure breaks up knots and scar tissue

It is a satisfying image, but muscle and connective tissue are remarkably tough, and there is
little evidence that hands can physically break anything apart. When a tender spot eases under
pressure, the change more likely involves the nervous system, with less sensitivity and less
protective tension, than anything being torn down. That is still a real and useful change; it
just happens differently from how it is often described.

## Myth 4: Deeper is always better

Not necessarily. In a well-known trial in people with chronic low back pain, Cherkin and
colleagues compared a focused, structural style of massage with a relaxation massage. Both
groups improved more than people receiving usual care, and the two styles produced broadly
similar results. For many people, the best pressure is simply the one they can relax into.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "deep-tissue-massage",
                    "note": "What deep tissue work involves, and who should avoid it.",
                },
            ),
            (
                "markdown",
                """\
## What good deep work feels like

- Slow, gradual pressure that builds only as fast as your muscles allow.
- Regular check-ins, and quick adjustments when you ask.
- Intensity you would call strong but comfortable, never sharp, burning or shooting.
- Soreness, if any, that fades within a day or two.

If you take blood thinners, or have osteoporosis, diabetes with reduced sensation, or a history
of blood clots, talk to your doctor before having firm massage, and tell your therapist so they
can adapt their approach.
""",
            ),
        ],
    },
    {
        "slug": "self-massage-with-a-ball",
        "title": "Self-Massage With a Ball: A Simple Home Guide",
        "summary": (
            "A tennis or massage ball can be a cheap, handy way to ease tight spots between "
            "appointments. How to use one safely on your back, hips and feet, and where not to "
            "roll."
        ),
        "date": "2025-06-30",
        "authors": ["maren-oakhurst"],
        "techniques": ["trigger-point-therapy", "myofascial-release"],
        "tags": ["self-care", "desk work", "trigger points"],
        "reviewer": None,
        "references": [],
        "body": [
            (
                "markdown",
                """\
A massage ball won't replace a skilled pair of hands, but it can be a handy way to look after
tight spots between sessions. It is cheap and portable, and it lets you control the pressure
precisely.

## Choosing a ball

A tennis ball is a great starting point: soft enough to be forgiving, firm enough to be useful.
Once you are comfortable, you might move on to a slightly firmer rubber massage ball. Very hard
balls, such as lacrosse balls, give intense pressure and are best kept for large muscles like
the buttocks, if you use them at all.

## Ground rules

- Start by leaning into the ball against a wall; it is easier to control than on the floor.
- Move slowly. When you find a tender spot, pause and breathe for 20 to 60 seconds.
- Aim for pressure you would rate around 5 out of 10. It should feel like relief, not a test of
  endurance.
- Spend a few minutes per area, not half an hour.
- Afterwards, move the area you have worked on gently through its range.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "trigger-point-therapy",
                    "note": "The hands-on version of what you are doing with the ball.",
                },
            ),
            (
                "markdown",
                """\
## Upper back and shoulders

Stand with your back to a wall and place the ball between your shoulder blade and your spine.
Bend your knees slightly to roll up and down, and shift sideways to explore. Reaching your arm
across your chest opens the area a little more. Keep the ball off the spine itself.

## Hips and buttocks

Sit on the floor with the ball under one buttock, leaning towards that side and supporting
yourself with your hands. Roll in small circles. If you feel tingling, numbness or a shooting
pain down the leg, move the ball away, as you may be pressing near the sciatic nerve.

## Soles of the feet

Standing or sitting, roll the ball slowly under your foot from heel to toes. This can feel good
after a long day on your feet. Persistent heel pain, especially with the first steps of the
morning, is worth having checked by a clinician.

## Where not to roll

- The front and sides of the neck, where major blood vessels and nerves lie close to the skin.
- Directly on the spine or any bony point.
- Behind the knee and in the groin.
- Over varicose veins, bruises, recent injuries or broken skin.
- The abdomen, unless a clinician has shown you how.

## When to stop and get help

Stop if self-massage makes your pain worse, causes numbness or tingling, or leaves bruises. If
you have a bleeding disorder, take blood thinners, have osteoporosis or are pregnant, check with
your doctor first. And if an ache persists for more than a few weeks despite sensible
self-care, see a doctor or physiotherapist.
""",
            ),
        ],
    },
    {
        "slug": "massage-during-pregnancy",
        "title": "Massage During Pregnancy: A Careful Guide",
        "summary": (
            "Pregnancy massage can ease aches and help you rest, with sensible precautions. What "
            "to ask your midwife or doctor, how positioning works, and when to skip a session."
        ),
        "date": "2025-09-08",
        "authors": ["sunniva-achterberg"],
        "techniques": ["swedish-massage"],
        "tags": ["pregnancy", "stress"],
        "reviewer": "maren-oakhurst",
        "references": [REF_FIELD_PREGNANCY],
        "body": [
            (
                "markdown",
                """\
## Is it safe?

For most people with an uncomplicated pregnancy, massage from a therapist trained in prenatal
work is considered a safe, gentle way to ease aches and take time to rest. Even so, the first
step is to **talk to your midwife, obstetrician or doctor**, particularly if your pregnancy is
considered higher risk, or if you have high blood pressure, pre-eclampsia, a low-lying placenta,
a history of preterm labour, or any bleeding.

Some therapists prefer not to work during the first trimester. This is not because massage is
known to cause miscarriage; there is no good evidence that it does. It reflects caution during a
period when many early losses happen naturally, and a wish to avoid adding to anyone's worry.

## What the research suggests

Studies, many of them from a single research group led by Tiffany Field, have reported less
anxiety, lower mood and less back and leg pain in pregnant women who received massage. These
findings are encouraging, but the studies are mostly small, and they are best treated as
promising rather than proven. Massage is a comfort measure, not a treatment for pregnancy
complications.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "swedish-massage",
                    "note": "Prenatal sessions adapt gentle Swedish-style strokes for comfort.",
                },
            ),
            (
                "markdown",
                """\
## Positioning

As pregnancy progresses, lying flat on your back for long periods can press on a large vein and
leave some people feeling dizzy or unwell. Most prenatal therapists therefore use a side-lying
position, supported by pillows between the knees and under the bump, or a semi-reclined
position. Tables with a cut-out for the bump are less often recommended, as they can strain the
lower back. Say straight away if any position feels uncomfortable.

## Areas that need extra care

Pregnancy raises the risk of blood clots, so therapists avoid firm pressure on the inner thighs
and calves and use only light strokes on the legs. Deep, sustained pressure in general gives way
to comfort. You may have heard that certain pressure points can bring on labour; the evidence
for this is weak, but prenatal therapists usually avoid firm pressure on them anyway.

## When to skip the session and call your maternity team

- Vaginal bleeding, leaking fluid, or regular painful tightenings.
- A severe headache, changes in your vision, or sudden swelling of the face, hands or feet.
- Pain, redness or swelling in one leg.
- Reduced or changed movements from your baby.
- A fever or feeling generally unwell.

These symptoms need medical assessment, not massage, and some need urgent attention.

## Choosing a therapist

Look for someone with specific training in prenatal massage, who asks about your pregnancy and
your care team, and who is happy to adapt or stop at any time. After the birth, the same
therapist may be able to help with the aches of feeding and carrying a newborn, once your care
team is happy for you to resume massage.
""",
            ),
        ],
    },
    {
        "slug": "massage-for-tension-headaches",
        "title": "Massage for Tension-Type Headaches",
        "summary": (
            "Tension-type headaches often come with tight, tender neck and shoulder muscles. How "
            "massage may help, what the evidence says, and the warning signs that need a doctor."
        ),
        "date": "2025-11-19",
        "authors": ["maren-oakhurst"],
        "techniques": ["trigger-point-therapy", "myofascial-release"],
        "tags": ["headaches", "desk work", "chronic pain"],
        "reviewer": "sunniva-achterberg",
        "references": [REF_CHAIBI],
        "body": [
            (
                "markdown",
                """\
## What a tension-type headache feels like

Tension-type headaches are the most common kind of headache. People usually describe a steady
pressure or tight band around the forehead, temples or back of the head, rather than a
throbbing pain. They are often mild to moderate, do not usually cause vomiting, and may come
with tender muscles in the neck, shoulders and scalp. Some people have them occasionally;
others have them on most days.

## The neck and shoulder connection

Many people with tension-type headaches have tender spots in the muscles of the neck,
shoulders, jaw and scalp, and pressing some of these points can reproduce the familiar
headache. Trigger point therapists pay particular attention to this. Points in the upper
trapezius can refer pain towards the temple, while the small muscles at the base of the skull
are often linked with pressure felt behind the eyes.

Whether these tender points cause headaches, result from them, or simply travel alongside them
is not settled. Either way, working on them gently often feels relieving.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "trigger-point-therapy",
                    "note": "Background on referred pain and how sessions are run.",
                },
            ),
            (
                "markdown",
                """\
## What the evidence suggests

Research in this area is thin. A 2014 systematic review by Chaibi and Russell found only a
handful of randomised trials of manual therapies for chronic tension-type headache, only one of
which tested massage. The results suggested that massage and physiotherapy may help, but the
trials were small and had design limitations. It is reasonable to try massage as part of a
headache plan, but not to expect it to work for everyone.

## What a session might include

A headache-focused session often starts with general relaxation of the back and shoulders,
then moves to the neck, the base of the skull, the scalp, jaw and temples. Expect slow, steady
pressure and gentle stretches. Your therapist may suggest a simple headache diary, noting how
often headaches come, how strong they are, and your sleep, screen time and stress, so you can
both see whether anything is changing.

## Headache red flags

Most headaches are not dangerous, but some need urgent medical attention. Seek help straight
away if you have:

- A sudden, severe headache that peaks within a minute or so, or the worst headache of your
  life.
- A headache with fever, a stiff neck, a rash, confusion or drowsiness.
- A headache after a head injury.
- Weakness, numbness, slurred speech, loss of vision or double vision.

See your doctor soon if your headaches are new and you are over 50, if their pattern has
changed, if they wake you from sleep, or if you are taking painkillers on many days each month,
which can itself make headaches more frequent.
""",
            ),
        ],
    },
    {
        "slug": "how-to-choose-a-massage-therapist",
        "title": "How to Choose a Massage Therapist",
        "summary": (
            "Credentials, the right training for your goals, questions worth asking and red "
            "flags to watch for: a practical checklist for finding a therapist you can trust."
        ),
        "date": "2026-02-10",
        "authors": ["jonah-whitlowe"],
        "techniques": ["swedish-massage", "deep-tissue-massage", "sports-massage"],
        "tags": ["getting started", "first visit"],
        "reviewer": None,
        "references": [],
        "body": [
            (
                "markdown",
                """\
A good therapist can make the difference between a pleasant hour and genuinely useful care.
Here is how to narrow down your options.

## Check credentials

Rules vary widely between countries, states and provinces. In many places massage therapists
must be licensed or registered; in others the profession is less regulated. Find out what
applies where you live and check that your therapist meets it. Membership of a professional
association, up-to-date professional insurance and ongoing training are all good signs.

## Match the training to your goal

"Massage therapist" covers a wide range of training, so think about what you want:

- **Relaxation or general wellbeing:** most qualified therapists are well trained in Swedish
  massage.
- **Persistent aches and pains:** look for experience with deep tissue or trigger point work,
  and with clients whose problems resemble yours.
- **Sport and training:** a therapist with sports massage training who understands your
  training schedule.
- **Pregnancy, cancer care or lymphoedema:** specific additional training is essential.

## Questions worth asking

- What training do you have in the kind of work I am looking for?
- How do you usually structure a first session?
- How will we decide whether it is helping?
- Do you work with doctors or physiotherapists, and will you refer me on if needed?

A good therapist will answer these happily and without jargon.

## Green flags at your first appointment

- A health history form, and a real conversation about it.
- A clear explanation of what they plan to do, and your consent before they begin.
- Professional draping, and privacy while you undress.
- Regular check-ins about pressure and comfort.
- Simple, realistic advice for between sessions.

## Red flags

- Promises to cure a disease or fix a problem for good.
- Advice to stop your medication or to ignore your doctor.
- Pressure to buy large packages of sessions upfront.
- Dismissing your pain, or insisting that more pain means better results.
- Any behaviour that makes you feel unsafe or uncomfortable. You can end a session at any time.

## Trust the fit

Even a highly qualified therapist may not be the right fit for you. Notice how you feel during
and after the first few sessions. Feeling heard, respected and comfortable is part of good care,
not an optional extra. And if your symptoms are not improving after several visits, a good
therapist will suggest seeing a doctor or physiotherapist rather than simply booking you in
again.
""",
            ),
        ],
    },
    {
        "slug": "stress-touch-and-the-nervous-system",
        "title": "Stress, Touch and the Nervous System",
        "summary": (
            "A plain-language look at how stress affects the body, why calm touch can help you "
            "unwind, what the research does and does not show, and when stress needs more "
            "support."
        ),
        "date": "2026-05-14",
        "authors": ["sunniva-achterberg", "jonah-whitlowe"],
        "techniques": ["swedish-massage", "craniosacral-therapy"],
        "tags": ["stress", "sleep"],
        "reviewer": "maren-oakhurst",
        "references": [REF_MOYER],
        "body": [
            (
                "markdown",
                """\
## The stress response in brief

When you face a challenge, your body gets ready to act. Heart rate and breathing speed up,
muscles tense, and stress hormones such as adrenaline and cortisol rise. This is often called
the fight-or-flight response, and it is driven largely by the sympathetic branch of the
autonomic nervous system. Its counterpart, the parasympathetic branch, is associated with rest,
digestion and recovery.

That picture is simplified, but it captures something useful. Short bursts of stress are normal
and can even be helpful. Problems tend to arise when the alarm never fully switches off: sleep
becomes lighter, muscles stay braced, and small irritations feel much bigger.

## Where touch fits

Calm, predictable touch is one of the oldest ways people soothe one another. During a relaxing
massage, many people notice their breathing slowing, their jaw unclenching and their thoughts
quietening. Some studies have measured small, short-term changes, such as lower heart rate and
blood pressure, after a session.
""",
            ),
            (
                "pull_quote",
                {
                    "quote": (
                        "We can't massage away a stressful life. But we can offer an hour in "
                        "which your body remembers what calm feels like."
                    ),
                    "attribution": "Sunniva Achterberg, LMT, CLT",
                },
            ),
            (
                "markdown",
                """\
## What the research shows

A widely cited 2004 meta-analysis by Moyer, Rounds and Hannum found that a single massage
reduced anxiety in the moment, and that a course of sessions was associated with lower anxiety
and depression scores. Later studies broadly point the same way, but many are small, and it is
hard to design a convincing placebo for massage. The honest summary is that massage appears to
help many people feel less anxious in the short term; it is not a substitute for treatment of
anxiety or depression.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "craniosacral-therapy",
                    "note": "A very gentle option some find calming; see our note on evidence.",
                },
            ),
            (
                "markdown",
                """\
## Building calm between sessions

Your nervous system responds to what you do every day, not just once a month. A few habits
help:

- Slow breathing with a longer out-breath, for a few minutes at a time.
- Regular movement, ideally outdoors.
- Consistent times for going to bed and getting up.
- Time with people who help you feel at ease.
- Short breaks from news and notifications.

## When stress needs more support

Talk to your doctor or a mental health professional if you have felt low, anxious or on edge
for more than a couple of weeks, if you are having panic attacks, or if stress is affecting
your sleep, appetite, work or relationships. If you ever have thoughts of harming yourself,
contact emergency services or a crisis line straight away. Massage can be one part of looking
after yourself, alongside the right support.
""",
            ),
        ],
    },
    {
        "slug": "timing-your-sports-massage",
        "title": "Pre-Event, Post-Event or Maintenance? Timing Your Sports Massage",
        "summary": (
            "The right sports massage depends on when you book it. How pre-event, post-event and "
            "maintenance sessions differ, a rough calendar, and why race week is no time for "
            "surprises."
        ),
        "date": "2026-08-27",
        "authors": ["jonah-whitlowe"],
        "techniques": ["sports-massage", "deep-tissue-massage"],
        "tags": ["running", "recovery"],
        "reviewer": None,
        "references": [REF_DAVIS, REF_WEERAPONG],
        "body": [
            (
                "markdown",
                """\
Sports massage isn't one fixed routine. The same therapist might give you a brisk ten-minute
session before a race, a gentle, soothing one afterwards, and a slow, detailed hour in the
middle of a training block. Knowing which is which helps you book the right thing.

## Pre-event

A pre-event massage is short, usually 10 to 20 minutes, and is sometimes done over clothing.
Strokes are quick and rhythmic, with light to moderate pressure and some gentle movement of the
joints. The aim is to help you feel warm, loose and ready, not to change anything. Deep or
unfamiliar work right before competition can leave muscles feeling heavy or sore, so it is best
avoided. A pre-event massage is not a replacement for your usual warm-up, either.

## Post-event

After hard exercise, start with the basics: cool down, drink and eat. A post-event massage,
whether soon afterwards or over the following few days, should be gentle, with long, light
strokes and easy kneading that feel soothing rather than intense. This is about comfort and
helping you relax.
""",
            ),
            (
                "technique_callout",
                {
                    "technique": "sports-massage",
                    "note": "How the different types of sports massage compare.",
                },
            ),
            (
                "markdown",
                """\
## Maintenance

Maintenance sessions happen during normal training, and this is where more detailed work
belongs. Your therapist can spend time on areas that feel persistently tight, combine massage
with stretching, and talk with you about how training is going. Many athletes book these every
two to four weeks, though there is no magic frequency.

## Realistic expectations

Research suggests massage may reduce post-exercise soreness a little and improve flexibility
slightly, but it has not been shown to directly boost strength, speed or endurance. Much of its
value lies in how it helps you feel, and in how much attention it encourages you to pay to your
body. That is worthwhile, as long as expectations stay realistic.

## A rough calendar

- **Four or more days before an event:** a last maintenance session, with firmer work only if
  you are used to it.
- **Event day:** a short, brisk pre-event massage, but only if you have had one before.
- **Within a few hours afterwards:** light, gentle work, if any.
- **Two to four days afterwards:** a moderate recovery session.

## Nothing new on race week

If you have never had a deep massage, the week of a big event is not the time to try one. Stick
to what you know your body tolerates.

## When an ache is an injury

Sudden sharp pain during exercise, swelling, bruising, pain that stops you putting weight
through a limb, or pain on one specific spot on a bone all deserve assessment by a doctor or
physiotherapist. Massage should wait until you know what you are dealing with.
""",
            ),
        ],
    },
]
