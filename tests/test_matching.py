"""Matching, overlap resolution, negation and source/target assignment on a small rule set."""

from coder.text.normalize import normalize
from tests.conftest import MINI_ACTORS, coder_for, codes


def events(coder, text):
    return coder.code_text(text)


def test_inflected_forms_code(mini):
    for text in ["اعتقلت الشرطة رجلا", "واعتقلوا خمسة", "يعتقلون الناشطين", "وبالاعتقال انتهى الأمر",
                 "اُعتُقِلَ رجلٌ", "اعتـــقلت الشرطة رجلا"]:
        assert codes(mini, text) == ["173"], text


def test_lookalike_does_not_code(mini):
    assert codes(mini, "اندلع قتال عنيف") == []
    assert codes(mini, "قتل رجل") == ["190"]


def test_longest_match_wins_on_overlap(mini):
    assert codes(mini, "أعلن الطرفان وقف إطلاق النار") == ["0871"]
    assert codes(mini, "فتح المسلحون إطلاق النار") == ["193"]


def test_separate_spans_give_separate_events(mini):
    assert codes(mini, "اعتقلت الشرطة رجلا وقتل آخر") == ["173", "190"]


def test_set_and_gap(mini):
    assert codes(mini, "طائرة حربية مجهولة قصفت السوق") == ["195"]
    assert codes(mini, "قصفت مروحية السوق") == ["195"]


def test_gap_never_crosses_a_clause_break(mini):
    assert codes(mini, "طائرة حربية، قصفت السوق") == []


def test_gap_is_bounded(mini):
    assert codes(mini, "طائرة واحدة اثنان ثلاثة أربعة قصفت") == []


def test_exact_token(mini):
    assert codes(mini, "صرح الوزير") == ["010"]
    assert codes(mini, "وصرح الوزير") == []


def test_negation_drops_the_event(mini):
    for text in ["لم تعتقل الشرطة أحدا", "ولم يُقتل أحد", "لن يعتقلوا أحدا", "نفت الشرطة اعتقال أي صحفي",
                 "وأكد عدم اعتقال أحد", "ولم تُوضح المصادر عن تفاصيل إضافية تتعلق بحصيلة الاعتقالات"]:
        assert codes(mini, text) == [], text


def test_negation_idioms_and_scope(mini):
    assert codes(mini, "لا تزال القوات تعتقل الناشطين") == ["173"]
    assert codes(mini, "لم يتحدث الوزير، واعتقلت الشرطة رجلا") == ["173"]


def test_offsets_point_at_the_trigger(mini):
    text = "قال مصدر: إن قواتٍ اعتقلَتْ رجلاً. ثم وقعت غاراتٌ"
    evs = events(mini, text)
    assert [text[e.start:e.end] for e in evs] == ["اعتقلَتْ", "غاراتٌ"]
    assert [e.trigger for e in evs] == ["اعتقلَتْ", "غاراتٌ"]


def test_verb_first_subject_is_source(mini):
    e = events(mini, "اعتقلت الشرطة العراقية مسلحين في بغداد")[0]
    assert (e.source, e.source_text) == ("IRQCOP", "الشرطة العراقية")
    assert e.target == "IRQREB"  # a bare role takes the country the sentence is about


def test_subject_first_and_verbal_noun(mini):
    e = events(mini, "التحالف الدولي ينفذ إنزالاً جوياً جديداً شمال شرقي دير الزور")[0]
    assert (e.code, e.source, e.trigger) == ("190", "IMGMIL", "إنزالاً جوياً")
    e = events(mini, "أسفرت العملية عن مقتل مدنيين")[0]
    assert (e.source, e.target) == (None, "CVL")


def test_agent_with_country_composes(mini):
    e = events(mini, "قتلت القوات الأمريكية عنصرين من داعش")[0]
    assert e.source == "USAMIL"
    e = events(mini, "نفذت قوات التحالف الدولي عملية إنزال جوي")[0]
    assert e.source == "IMGMIL"


def test_reporting_frame_is_not_the_source(mini):
    e = events(mini, "قال الجيش إن مقتل المدنيين غير مقبول")[0]
    assert e.source is None


def test_slots_bind_roles(mini):
    e = events(mini, "الجيش السوري هاجم داعش")[0]
    assert (e.code, e.source, e.target) == ("180", "SYRMIL", "IMGSYRREB")
    assert codes(mini, "هاجم الرجل الكلب") == []  # required slots need actors


def test_metonym_codes_government(mini):
    e = events(mini, "واشنطن تقتل المدنيين")[0]
    assert e.source == "USAGOV"


def test_people_by_date(mini):
    old = mini.code_text("قتل بشار الأسد مدنيين", date="2015-03-01")[0]
    new = mini.code_text("قتل بشار الأسد مدنيين", date="2025-03-01")[0]
    undated = mini.code_text("قتل بشار الأسد مدنيين")[0]
    assert (old.source, new.source, undated.source) == ("SYRGOV", "SYRELI", "SYRELI")


def test_blocking_rule_wins_and_codes_nothing(mini):
    assert codes(mini, "تظاهر الآلاف إثر مقتل شاب") == []
    assert codes(mini, "أسفر الهجوم عن مقتل شاب") == ["190"]


def test_passive_with_tamma_has_no_source(mini):
    e = events(mini, "الجيش السوري: تم اعتقال مسلحين")[0]
    assert (e.source, e.target) == (None, "SYRREB")
    e = events(mini, "وقال الجيش إنه تم اعتقال مسلحين")[0]
    assert e.source is None and e.target == "REB"


def test_passive_damma_verb(mini):
    e = events(mini, "قُتل جنود سوريون")[0]
    assert (e.source, e.target) == (None, "SYRMIL")
    e = events(mini, "قتل جنود سوريون مسلحين")[0]  # unvowelled: read as active
    assert (e.source, e.target) == ("SYRMIL", "SYRREB")


def test_preposition_introduces_the_target(mini):
    e = events(mini, "شنت القوات الأمريكية غارات على مواقع داعش")[0]
    assert (e.code, e.source, e.target) == ("195", "USAMIL", "IMGSYRREB")


def test_affiliated_agent_composes(mini):
    e = events(mini, "اعتقلت قوات الأمن التابعة لسوريا مسلحين")[0]
    assert e.source == "SYRCOP"


def test_counted_victims_read_as_passive(mini):
    e = events(mini, "قتل 12 مدنيا في الغارة")[0]
    assert (e.source, e.target) == (None, "CVL")
    e = events(mini, "وقتل ما لا يقل عن 28 جنديا")[0]
    assert e.source is None


def test_member_of_a_body(mini):
    e = events(mini, "قتل مسلحون جنودا من الجيش العراقي")[0]
    assert (e.source, e.target) == ("IRQREB", "IRQMIL")
    e = events(mini, "اعتقلت الشرطة مدنيين في قوات الأمن")[0]
    assert e.target == "COP"


def test_places_are_not_actors(mini):
    e = events(mini, "في دمشق اعتقلت الشرطة مسلحين")[0]
    assert e.source == "SYRCOP"  # Damascus is where, not who: the Syrian police, not its government
    e = events(mini, "شنت الطائرات غارات على دمشق")[0]
    assert e.target == "SYRGOV"  # on the capital: the government, by metonymy... unless a place:
    e = events(mini, "غارات في دمشق")[0]
    assert e.source is None and e.target in (None, "SYR")


def test_doer_of_a_passive(mini):
    e = events(mini, "تم اعتقال مدنيين على أيدي مسلحين")[0]
    assert (e.source, e.target) == ("REB", "CVL")


def test_protesters_are_the_source_of_a_protest(mini):
    e = events(mini, "وتجمع مئات المتظاهرين أمام السفارة")[0]
    assert (e.code, e.source) == ("141", "CVL")
    e = events(mini, "مظاهرة المتظاهرين السوريين")[0]
    assert e.source == "SYRCVL"


def test_roles_take_the_country_of_the_place(mini):
    e = events(mini, "قتل مسلحون مدنيين في سوريا")[0]
    assert (e.source, e.target) == ("SYRREB", "SYRCVL")
    e = events(mini, "اعتقلت الشرطة رجلا")[0]  # no country anywhere: roles stay bare
    assert e.source == "COP"
    e = events(mini, "غارات في سوريا")[0]  # violence with no target named: the country struck
    assert e.target == "SYR"


def test_blocking_rule_yields_to_another_root_on_a_tie(tmp_path):
    c = coder_for(tmp_path, """
        rules:
          - id: 18_background
            code: "---"
            patterns: ["أدان~ الهجوم"]
          - id: 18_attack
            code: "180"
            patterns: ["الهجوم"]
          - id: 11_condemn
            code: "111"
            patterns: ["أدان~ الهجوم"]
    """)
    assert [e.code for e in c.code_text("وقع الهجوم")] == ["180"]
    assert [e.code for e in c.code_text("أدانت الهجوم")] == ["111"]  # not 180: the block beat it


def test_blocking_rule_lets_through_the_frame_it_opens_with_from_another_root(tmp_path):
    c = coder_for(tmp_path, """
        rules:
          - id: 18_background
            code: "---"
            patterns: ["أدان~ ..3 الهجوم"]
          - id: 18_attack
            code: "180"
            patterns: ["الهجوم"]
          - id: 19_kill
            code: "190"
            patterns: ["أدان~ عمدا"]
          - id: 11_condemn
            code: "111"
            patterns: ["أدان~"]
          - id: 19_block_kill_mention
            code: "---"
            patterns: ["مقتل ..3 الهجوم"]
          - id: 19_kill_noun
            code: "190"
            patterns: ["مقتل"]
    """)
    # the condemnation is coded, the attack it names stays background
    assert [e.code for e in c.code_text("أدانت مصر بشدة الهجوم")] == ["111"]
    # a block lets through only another root's frame, and not its own root's
    assert [e.code for e in c.code_text("مقتل رجل في الهجوم")] == []


def test_a_negated_match_does_not_hide_another(tmp_path):
    c = coder_for(tmp_path, """
        rules:
          - id: withdraw
            code: "0874"
            patterns: ["انسحب~ من"]
          - id: refuse
            code: "1246"
            patterns: ["لن انسحب~"]
    """)
    assert [e.code for e in c.code_text("قالت إنها لن تنسحب من المدينة")] == ["1246"]


def test_conjoined_verb_shares_the_subject(mini):
    evs = events(mini, "اعتقلت الشرطة العراقية رجلا وقتلت آخر")
    assert [(e.code, e.source) for e in evs] == [("173", "IRQCOP"), ("190", "IRQCOP")]


def test_a_protest_targets_whom_its_demand_addresses(mini):
    e = events(mini, "وتجمع مئات المتظاهرين أمام السفارة، مطالبين الحكومة السورية بالرحيل")[0]
    assert (e.source, e.target) == ("SYRCVL", "SYRGOV")


def test_subjects_spanned_by_the_trigger(tmp_path):
    from coder import Coder, load_ruleset
    from tests.conftest import MINI_ACTORS, write_rules

    write_rules(tmp_path, "actors.yaml", MINI_ACTORS)
    write_rules(tmp_path, "r.yaml", """
        rules:
          - id: kill_done
            code: "190"
            patterns: ["قام~ ..6 قتل", "مجهولين قتل~"]
    """)
    c = Coder(load_ruleset([tmp_path], use_cache=False))
    e = c.code_text("قام عدد من جنود الجيش العراقي بقتل مدنيين")[0]
    assert e.source == "IRQMIL"  # after an auxiliary of doing: the doer, though counted
    e = c.code_text("مسلح مجهولين قتلوا مدنيين")[0]
    assert e.source is not None


def test_counted_object_after_the_verb(mini):
    e = events(mini, "قتل ثلاثة جنود أمريكيين")[0]
    assert (e.source, e.target) == (None, "USAMIL")
    e = events(mini, "الشرطة قتلت ثلاثة مسلحين")[0]
    assert (e.source, e.target) == ("COP", "REB")


def test_victims_named_after_the_act(mini):
    e = events(mini, "شنت الطائرات غارات على القرية، مما أدى إلى مقتل عشرة مدنيين")[0]
    assert (e.code, e.target) == ("195", "CVL")


def test_affiliation_after_the_body_is_composed(tmp_path):
    from coder import Coder, load_ruleset
    from tests.conftest import MINI_ACTORS, write_rules

    write_rules(tmp_path, "actors.yaml", MINI_ACTORS + "  - code: MIL\n    names: [طائرة]\n")
    write_rules(tmp_path, "r.yaml", 'rules:\n  - id: strike\n    code: "195"\n    patterns: ["قصف~"]\n')
    c = Coder(load_ruleset([tmp_path], use_cache=False))
    e = c.code_text("قصفت طائرة تابعة للقوات الأمريكية القرية")[0]
    assert e.source == "USAMIL"
    e = c.code_text("تم قصف القرية من قبل عدة جنود سوريين")[0]
    assert e.source == "SYRMIL"


def test_an_earlier_year_makes_an_event_background(mini):
    for text in ["تعرض عام 1986 لمحاولة اعتقال", "وقتل رجل في عام 2002", "في سنة 1978، قتل رجل",
                 "وفي سنة 630 للميلاد قتل رجل"]:
        assert codes(mini, text) == [], text
    assert [e.code for e in mini.code_text("وقتل رجل في عام 2002", date="2008-05-01")] == []
    assert [e.code for e in mini.code_text("وقتل رجل في عام 2008", date="2008-05-01")] == ["190"]
    assert codes(mini, "قتل رجل في 12 مايو 2008: وصل") == ["190"]  # a date, not a year alone


def test_a_date_long_before_the_record_is_history(mini):
    def dated(text):
        return [e.code for e in mini.code_text(text, date="2008-05-01")]
    for text in ["في سبتمبر (أيلول) 1970 اعتقلت الشرطة رجلا", "اعتقلت الشرطة رجلا في 6 أغسطس 1945",
                 "وفي أكتوبر (تشرين الأول) 1967 اعتقلت الشرطة رجلا"]:
        assert dated(text) == [], text
    # a recent date is a timeline the news keeps; without the record's date nothing is known
    assert dated("ـ 12 يوليو (تموز) 2005: اعتقلت الشرطة رجلا") == ["173"]
    assert codes(mini, "في سبتمبر (أيلول) 1970 اعتقلت الشرطة رجلا") == ["173"]
    # a count after a month is no year: بين الأول من يناير و30 يونيو (حزيران) قتل 1592 شخصا
    assert dated("وبين الأول من يناير و30 يونيو (حزيران) قتل 1592 شخصا") == ["190"]
    assert codes(mini, "قتل 2000 رجل") == ["190"]  # a number is not a year
    assert codes(mini, "وقتل رجل في أول حادث منذ العام 2003") == ["190"]  # a period, not a date
    assert codes(mini, "وقتل رجل للمرة الأولى منذ توقفها في عام 2009") == ["190"]
    analysis = mini.explain("وقتل رجل في عام 2002")[0]
    assert [why for _, why in analysis.negated] == ["عام 2002"]


def test_future_and_possible_acts_are_not_events(mini):
    for text in ["وسيعتقل الأمن المتظاهرين", "ستعتقل الشرطة رجلا", "سوف يعتقلون الناشطين",
                 "قد يقتل المسلحون الرهائن", "وقد تعتقل الشرطة رجلا"]:
        assert codes(mini, text) == [], text
    for text in ["وقد قتل المسلحون الرهائن", "لقد اعتقلت الشرطة رجلا", "قد اعتقلت الشرطة رجلا"]:
        assert codes(mini, text) != [], text  # قد before a past verb: it did happen
    assert codes(mini, "يعتقلون الناشطين") == ["173"]  # the present reports
    analysis = mini.explain("ستعتقل الشرطة رجلا")[0]
    assert [why for _, why in analysis.negated] == ["ستعتقل"]


def test_subjunctive_acts_are_plans_not_events(mini):
    # a present verb after أن/لن/كي, or a noun that is its object, is planned or wished
    for text in ["من المتوقع أن تعتقل الشرطة رجلا", "أعرب عن أمله في أن تعتقل الشرطة رجلا",
                 "لن تعتقل الشرطة المتظاهرين", "من المتوقع أن تقصف الطائرات القرية بغارات",
                 "وقال إنه سيتم اعتقال المتظاهرين", "وأكد أن الشرطة تعتزم اعتقال رجل",
                 "ويتعين على الشرطة اعتقال الرجل", "وتحركت الشرطة من أجل اعتقال الرجل"]:
        assert codes(mini, text) == [], text
    # means used for an aim make the aim the act
    assert codes(mini, "واستخدمت الشرطة القوة من أجل اعتقال الرجل") == ["173"]
    for text in ["وأكد أن الشرطة اعتقلت رجلا",  # أن + past: a fact
                 "تسلل إلى المبنى قبل أن تعتقله الشرطة",  # قبل أن + present: narrative past
                 "أكد أن الشرطة تعتقل المتظاهرين"]:  # not right after أن
        assert codes(mini, text) == ["173"], text
    analysis = mini.explain("من المتوقع أن تعتقل الشرطة رجلا")[0]
    assert [why for _, why in analysis.negated] == ["ان تعتقل"]


def test_conditional_acts_are_not_events(mini):
    for text in ["وقال إنه سيرد إذا اعتقلت الشرطة المتظاهرين", "لو اعتقلت الشرطة رجلا لتغير الوضع",
                 "في حال اعتقلت الشرطة المتظاهرين"]:
        assert codes(mini, text) == [], text
    assert codes(mini, "وقال إنه إذا ما قررت الحكومة السورية الجديدة اعتقال المتظاهرين") == []
    assert codes(mini, "ونقل رجل في حالة حرجة بعدما اعتقلته الشرطة") == ["173"]  # a state, no condition
    assert codes(mini, "وقال لو دريان إن الشرطة اعتقلت رجلا") == ["173"]  # لو of a French name
    assert codes(mini, "صرح الوزير إذا سئل") == ["010"]  # speech is made of conditions


def test_questions_ask_about_acts_and_do_not_report_them(mini):
    for text in ["هل اعتقلت الشرطة رجلا؟", "لكن كيف تم اعتقال الرجل؟!", "هل اعتقلت الشرطة رجلا ?"]:
        assert codes(mini, text) == [], text
    assert [why for _, why in mini.explain("هل اعتقلت الشرطة رجلا؟")[0].negated] == ["؟"]
    # a quoted question at the end asks only what follows its quote mark
    assert codes(mini, "اعتقلت الشرطة رجلا وسأله الضابط: «هل أنت بخير؟»") == ["173"]
    assert codes(mini, "اعتقلت الشرطة رجلا. هل هو بخير؟") == ["173"]  # another sentence
    assert codes(mini, "اعتقلت الشرطة رجلا!") == ["173"]


def test_claimed_or_supposed_violence_is_not_reported_as_fact(mini):
    for text in ["واتهمهم بأنهم قتلوا رجلا", "ويبدو أن الطائرات قصفت السوق", "ومن المعتقد أنهم قتلوا رجلا",
                 "وحسب شائعة فإن مروحية قصفت السوق",
                 "واتهم الأربعة بانهم «في منطقة النقاش في تاريخ 12/7/2005 اقدموا على قتل رجل"]:
        assert codes(mini, text) == [], text
    assert codes(mini, "وقال إن مسلحين قتلوا رجلا") == ["190"]  # a report, not a belief
    assert codes(mini, "وقال إنهم قتلوا رجلا، ويبدو أن") == ["190"]  # the frame must come before
    assert codes(mini, "واتهمها بأنها خرقت وقف إطلاق النار") == []  # not only violence: any act
    assert codes(mini, "وأعلنت وقف إطلاق النار") == ["0871"]


def test_a_protest_names_its_protesters_later_and_places_do_not_protest(mini):
    e = mini.code_text("وتجمع أمس مئات المتظاهرين أمام السفارة")[0]
    assert e.source == "CVL"
    e = [e for e in mini.code_text("وشهدت سوريا مظاهرة المتظاهرين") if e.code.startswith("14")][0]
    assert e.source != "SYR"  # a place that witnesses is not a protester


def test_a_protest_is_at_the_doer_of_what_it_protests_or_at_its_country(mini):
    e = mini.code_text("وتجمع متظاهرون احتجاجا على مقتل مدنيين على يد قوات الأمن السورية")[0]
    assert (e.code, e.target) == ("141", "SYRCOP")
    e = mini.code_text("وتجمع متظاهرون أمس في سوريا")[0]
    assert (e.code, e.target) == ("141", "SYR")  # no one named: the country it was held in


def test_a_protest_addresses_its_slogans_and_where_it_stood(mini):
    e = mini.code_text("تجمع المتظاهرون وهم يرددون الموت لسوريا")[0]
    assert e.target == "SYR"
    e = mini.code_text("تجمع المتظاهرون حول مقر الحكومة")[0]  # not the protesters
    assert e.target.endswith("GOV")


def test_sentences_about_sport_report_no_political_events(mini):
    assert codes(mini, "صرح اللاعب بعد المباراة بأنه سعيد") == []
    assert codes(mini, "صرح الوزير بعد المباراة بأنه سعيد") == ["010"]  # one word of the game is not sport
    assert codes(mini, "اعتقلت الشرطة لاعبا بعد المباراة") == ["173"]  # coercion and violence stay news
    analysis = mini.explain("صرح اللاعب بعد المباراة")[0]
    assert [why for _, why in analysis.negated] == ["sport: لاعب، مباراه"]


def test_a_protest_addresses_its_demand_far_in_the_sentence_but_not_civilians(mini):
    e = mini.code_text("تجمع المتظاهرون في الساحة الكبرى وسط المدينة القديمة منذ ساعات الصباح الأولى وهم "
                       "يرفعون لافتات كثيرة ويرددون هتافات عالية مطالبين الحكومة السورية بالاستقالة")[0]
    assert e.target == "SYRGOV", e.why_target
    e = mini.code_text("تجمع المتظاهرون احتجاجا على اعتقال مدنيين أمام مقر الحكومة")[0]
    assert e.target == "GOV", e.why_target  # whom it speaks for is not whom it addresses


def test_the_future_of_a_verb_written_as_an_exact_token(tmp_path):
    c = coder_for(tmp_path, """
        rules:
          - id: 12_oppose
            code: "120"
            patterns: ["(=سيعارض | =عارض)"]
          - id: 12_oppose_verb  # puts the verb عارض~ in the lexicon, as the shipped rules do
            code: "120"
            patterns: ["عارض~ بشدة"]
    """)
    assert [e.code for e in c.code_text("قال إن الرئيس سيعارض القرار")] == []
    assert [e.code for e in c.code_text("قال إن الرئيس عارض القرار")] == ["120"]


def test_a_definite_verbal_noun_with_no_one_doing_it_is_a_topic(tmp_path):
    coder = coder_for(tmp_path, MINI_ACTORS + """
rules:
  - id: talks
    code: "040"
    patterns: ["(مباحثات | اجتماع)", "التقى~"]
  - id: kill
    code: "190"
    patterns: ["(مقتل | الانفجار)"]
""")
    for text in ["وأكد أن المباحثات مستمرة", "وتناول الحديث موضوع الاجتماعات المقبلة"]:
        assert codes(coder, text) == [], text
    assert [why for _, why in coder.explain("وأكد أن المباحثات مستمرة")[0].negated] == ["a topic: no one does it"]
    assert codes(coder, "وبدأت المباحثات السورية الأمريكية") == ["040"]  # actors: an event
    assert codes(coder, "وعقدت الحكومة السورية اجتماعا") == ["040"]
    assert codes(coder, "مباحثات في دمشق") == ["040"]  # indefinite: a headline's report
    assert codes(coder, "التقى الرجلان") == ["040"]  # a verb that reads as if it had the article
    assert codes(coder, "ووقع الانفجار أمس") == ["190"]  # violence is news without a doer


def test_a_fallback_rule_never_hides_another_rules_event(tmp_path):
    coder = coder_for(tmp_path, MINI_ACTORS + """
rules:
  - id: statement
    code: "010"
    fallback: true
    patterns: ["أكد~ (أن | ضرورة الحوار)"]
  - id: appeal
    code: "020"
    patterns: ["أكد~ ضرورة"]
""")
    # the longer fallback match overlaps the appeal: the appeal is the event
    assert codes(coder, "وأكد ضرورة الحوار") == ["020"]
    assert codes(coder, "وأكد أن الوضع مستقر") == ["010"]  # nothing else: the statement


def test_an_alternative_anchor_needs_the_words_of_its_own_branches(tmp_path):
    coder = coder_for(tmp_path, """
        sets:
          crowd: [مئات, آلاف]
          gather:
            - "تظاهر~"
            - "تجمع~ ..3 &crowd"
            - "&crowd (تجمع~ | تدفق~)"
        rules:
          - id: gather
            code: "141"
            patterns: ["&gather"]
            examples: ["تجمع مئات المواطنين", "وآلاف تدفقوا إلى الساحة", "تظاهر الطلاب"]
            counterexamples: ["تجمعت الغيوم فوق المدينة", "مئات الكيلومترات"]
    """)
    rs = coder.ruleset
    pat = rs.patterns[0]
    lex = rs.lexicon
    crowd, = lex.analyse(normalize("مئات"))
    gather, = lex.analyse(normalize("تجمع"))
    # a crowd word anchors the branch that needs a verb after it; the verb, the branch that needs a crowd
    assert pat.required_at is not None
    assert all(crowd not in s for s in pat.required_at[crowd][-1:]) and pat.required_at[crowd]
    assert any(crowd in s for s in pat.required_at[gather])
    # the index files each anchor word with its own sets; the sentences still code as they did
    assert {id(req) for p, req in rs.index[crowd]} == {id(pat.required_at[crowd])}
    for text in ["تجمع مئات المواطنين", "وآلاف تدفقوا إلى الساحة", "تظاهر الطلاب", "مئات تجمعوا"]:
        assert codes(coder, text) == ["141"], text
    for text in ["تجمعت الغيوم فوق المدينة", "مئات الكيلومترات", "آلاف الأطنان تدفقت"]:
        assert codes(coder, text) == [], text
