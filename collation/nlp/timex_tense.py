"""The tense of the clause around a temporal expression, read from its verb group, no parser.

A bare weekday or month in news is resolved by the tense of the verb it belongs to: "will
release photos on Friday" is the coming Friday, "released photos on Friday" the last one.
``clause_tense`` returns one of

* ``"future"``: a future auxiliary or an intention in the present ("will", "'ll", "is to",
  "is expected to", "plans to", "has scheduled ... Thursday");
* ``"past"``: a past-tense verb group ("said", "was", "had been due to expire", "released");
* ``"near"``: a future seen from the past, which may lie on either side of the writing date
  ("said it would vote on Friday", "agreed to buy it in February", "was expected to land
  on Monday"): callers take the occurrence nearest to the anchor;
* ``None``: no cue, or a present tense ("is", "has extended"), which says nothing about
  the direction of a bare weekday.

How (all inside the expression's clause: the sentence cut at ";", ":", dashes; to the right
also at the first comma after a word and at words that open a clause: "which", "but" ...):

1. the nearest verb-group cue to the left (a time adverbial usually follows its verb). An
   infinitive of a plan between them ("agreed to buy ... in February") turns a past cue into
   "near"; adjectival participles ("a detailed report", "a closed-door meeting"), passive
   participles ("was released": the auxiliary decides), verbs whose past is their base form
   after a modal ("will hit", "will hold ... and set out") and infinitives themselves ("due
   to expire") are not cues; "planned/scheduled for Saturday" defers to a past verb later
   in the clause ("A vigil planned for Saturday was cancelled");
2. else the first cue to the right ("On Friday, the council will vote");
3. a preposition right before the expression then has the last word: "since May" looks
   back; "by/until/through Friday" look forward, unless the clause is pluperfect ("had
   filed reports by Wednesday": past) or in the simple past ("postponed until Tuesday",
   "completed by the Tuesday deadline": near).
"""

from __future__ import annotations

import re

#: Hyphenated compounds are one token: "closed-door", "so-called" are adjectives, not verbs.
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:['’][a-z]+)?")
#: Hard clause boundaries inside a sentence.
_CLAUSE_BREAK = re.compile(r"[;:—]|\s--\s|\s–\s")
#: A preposition right before the expression that fixes its direction in time.
_LEAD = re.compile(
    r"\b(by|until|till|through|since)\s+(?:(?:the\s+)?(?:early|mid|late|end\s+of"
    r"|beginning\s+of|middle\s+of)[-\s]+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_FUTURE_AUX = frozenset({"will", "shall", "won't", "wo", "shan't"})
_FUTURE_MODALS = frozenset({"should", "must", "might", "may", "can", "cannot", "can't"})
#: Words that point forward by themselves (deadlines, schedules).
_FUTURE_WORDS = frozenset({
    "upcoming", "tomorrow", "payable", "effective", "expire", "expires", "deadline", "forecast",
    "forecasts", "projected", "slated", "scheduled", "due",
})
#: Intentions and expectations: forward when followed by "to" ("plans to", "is set to").
_INTENT = frozenset({
    "set", "due", "expected", "expect", "expects", "scheduled", "slated", "plans", "plan",
    "planned", "planning", "intends", "intend", "intended", "aims", "aim", "aimed", "hopes",
    "hope", "hoped", "going", "poised", "likely", "ready", "about", "wants", "want", "wanted",
    "seeks", "seek", "sought", "prepared", "preparing", "supposed",
})
#: Intentions that look forward even without "to" ("has scheduled a briefing Thursday").
_INTENT_NO_TO = frozenset({"scheduled", "planned", "planning", "slated"})
#: Words before "to" that make what follows a prospect ("agreed to buy", "a deal to sell"):
#: seen from a past verb, its date may lie on either side of the writing date.
_PROSPECTIVE = frozenset({
    "agreed", "agreement", "decided", "decision", "promised", "promise", "vowed", "pledged",
    "pledge", "threatened", "offered", "offer", "sought", "voted", "vote", "hoped", "wanted",
    "expected", "intended", "aimed", "asked", "ordered", "order", "urged", "invited",
    "allowed", "forced", "prepared", "moved", "move", "planned", "plan", "plans", "arranged",
    "proposed", "proposal", "deal", "bid", "effort", "attempt", "set", "due", "scheduled",
    "slated", "likely", "ready", "able", "poised", "about", "going", "chose", "elected",
    "supposed",
})
#: Present-tense auxiliaries: the clause speaks of now (a deadline ahead, a state).
_PRESENT = frozenset({"is", "are", "am", "isn't", "aren't", "has", "have", "hasn't", "haven't",
                      "does", "do", "doesn't", "don't"})
#: Words before a base-form verb ("will hit", "to cut", "did not set").
_BASE_FORM_BEFORE = frozenset({"will", "would", "shall", "should", "must", "may", "might",
                               "can", "could", "to", "do", "does", "did", "not", "don't",
                               "doesn't", "didn't", "won't", "cannot", "can't"})
#: Verbs whose past form is their base form: no cue by themselves ("will hit the coast").
_AMBIGUOUS_FORMS = frozenset({
    "hit", "cut", "put", "let", "set", "quit", "split", "spread", "shed", "hurt", "cost",
    "beat", "read", "bid", "cast", "burst", "bet", "fit", "shut", "upset", "lay",
})
#: Words before an intention that make it a plan of the past ("as previously planned").
_PLAN_OF_THE_PAST = frozenset({"previously", "originally", "initially", "had", "already"})
_PRESENT_BE = frozenset({"is", "are", "am", "be", "being", "isn't", "aren't"})
_PAST_BE = frozenset({"was", "were", "wasn't", "weren't"})
_PAST_WORDS = frozenset({
    "said", "was", "were", "wasn't", "weren't", "had", "hadn't", "did", "didn't", "told",
    "announced", "reported", "ago", "yesterday", "previously", "took", "came", "went",
    "made", "began", "saw", "met", "won", "lost", "fell", "rose", "left", "gave", "got", "sold",
    "bought", "held", "ended", "spoke", "wrote", "became", "led", "paid", "sent",
    "built", "found", "thought", "knew", "flew", "ran", "shot", "struck", "killed", "died",
    "brought", "caught", "taught", "fought", "chose", "drove", "rode", "broke", "stole",
    "froze", "woke", "wore", "tore", "swore", "forgot", "rang", "sang", "sank", "drank",
    "swam", "threw", "grew", "blew", "drew", "felt", "kept", "slept", "swept", "meant",
    "spent", "lent", "dealt", "dug", "stuck", "hung", "fled", "fed", "bled", "stood",
    "understood", "heard", "sat", "forgave", "shook", "mistook", "arose", "withdrew",
    "overtook", "undertook", "upheld", "withheld", "overthrew", "sprang", "spun", "ate",
    "laid", "wound", "bound", "lit", "slid", "begun", "done", "gone", "seen", "taken",
    "given", "known", "shown", "written", "spoken", "chosen", "driven", "risen", "fallen", "stolen",
    "last", "earlier", "since",
})
#: "-ed" words that are not past-tense verbs.
_NOT_PAST_ED = frozenset({
    "need", "needed", "speed", "red", "bed", "hundred", "seed", "feed", "indeed", "proceed",
    "exceed", "succeed", "breed", "greed", "shed", "led", "fled", "bred", "wed", "embed",
    "based", "related", "limited", "united", "armed", "advanced", "detailed", "expected",
    "scheduled", "planned", "projected", "slated", "proposed", "intended", "supposed",
    "concerned", "interested", "involved", "required", "used", "aimed", "designed",
    "continued", "prepared", "unnamed", "named", "alleged", "so-called", "called", "owned",
    "listed", "traded", "elected", "qualified", "skilled", "talented", "aged",
})
#: Words after which an "-ed" word is an adjective ("a detailed report", "its revised plan").
_ADJECTIVE_SLOT = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "your", "my", "some", "any", "no", "each", "every", "newly", "recently", "well", "long",
    "much", "more", "most", "less", "so", "very", "of", "for", "with", "and", "or", "than",
})
_BE_AUX = frozenset({"be", "been", "being", "is", "are", "am", "get", "gets", "getting"})
_MODAL_BEFORE_BE = frozenset({"will", "shall", "should", "must", "might", "may", "can", "to"})
#: Words after "to" that show it is a preposition, not an infinitive marker.
_NOT_VERB_AFTER_TO = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "your", "my", "him", "them", "us", "me", "it", "some", "any", "all", "each", "every",
    "no", "one", "two", "three", "about", "around", "nearly", "more", "less", "date",
    "now", "today", "tomorrow", "yesterday", "what", "whom", "which", "where",
})


def clause_tense(text: str, s_begin: int, s_end: int, start: int, end: int) -> str | None:
    """"future", "past", "near" or None for the expression at [start, end) (see module doc)."""
    begin = max(s_begin, start - 250)
    for brk in _CLAUSE_BREAK.finditer(text, begin, start):
        begin = brk.end()
    finish = min(s_end, end + 200)
    stop = _CLAUSE_BREAK.search(text, end, finish)
    if stop is not None:
        finish = stop.start()
    # To the right, the clause ends at the first comma after a word ("Friday's vote by
    # Ford, which holds ..."): what follows belongs to another verb.
    lead_comma = _LEADING_COMMA.match(text, end, finish)
    comma = _COMMA_AFTER_WORD.search(text, lead_comma.end() if lead_comma else end, finish)
    if comma is not None:
        finish = comma.start()
    left = [m.group().lower().replace("’", "'") for m in _WORD.finditer(text, begin, start)]
    right = [m.group().lower().replace("’", "'") for m in _WORD.finditer(text, end, finish)]
    cue = _scan_left(left)
    if cue == "intent":
        # "A service planned for Saturday was canceled": a participle; the verb is later.
        cue = "past" if _scan_right(right) in ("past", "pluperfect") else "future"
    elif cue is None:
        cue = _scan_right(right)
        cue = "future" if cue == "intent" else cue
    lead = _LEAD.search(text, max(begin, start - 30), start)
    if lead is not None:
        if lead.group(1).lower() == "since":
            return "past"
        # "by/until Friday" looks forward, unless the clause reports a finished past ("had
        # filed reports by Wednesday"); after a simple past it may go either way ("postponed
        # until Tuesday", "completed it by the Tuesday deadline").
        return {"pluperfect": "past", "past": "near", "near": "near"}.get(cue or "", "future")
    if cue == "pluperfect":
        return "past"
    if cue == "present":
        return None
    return cue


_COMMA_AFTER_WORD = re.compile(r"(?<=[A-Za-z0-9'’\")]),")
_LEADING_COMMA = re.compile(r"['’]s\b|,|\s*,")


def _scan_left(words: list[str]) -> str | None:
    infinitive = False
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        previous = words[index - 1] if index else ""
        following = words[index + 1] if index + 1 < len(words) else ""
        if word == "be" and previous == "to":
            # "guidelines to be published in November"; "was to be sold in May" may be either.
            return "near" if _aux_before(words, index - 1) in _PAST_BE else "future"
        if previous == "to" and word not in _NOT_VERB_AFTER_TO:
            continue  # an infinitive carries no tense: "due to expire Friday"
        if word == "to" and following and following not in _NOT_VERB_AFTER_TO:
            infinitive = infinitive or previous in _PROSPECTIVE
            continue
        cue = _word_cue(words, index, previous, following)
        if cue in ("past", "pluperfect") and infinitive and not (
                word in _INTENT and following == "to"):
            return "near"  # "agreed to buy it in February": a past plan, either side of now
        if cue is not None:
            return cue
    return None


_MODAL_VERBS = frozenset({"will", "would", "shall", "should", "must", "may", "might", "can",
                          "won't"})
#: Words that open another clause to the right of the expression.
_CLAUSE_OPENERS = frozenset({"but", "while", "whereas", "although", "though", "because",
                             "which", "who", "that", "when", "after", "before", "if", "unless"})


def _scan_right(words: list[str]) -> str | None:
    for index, word in enumerate(words):
        if word in _CLAUSE_OPENERS:
            return None
        previous = words[index - 1] if index else ""
        following = words[index + 1] if index + 1 < len(words) else ""
        if word == "be" and previous == "to":
            return "future"
        if previous == "to" and word not in _NOT_VERB_AFTER_TO:
            continue
        cue = _word_cue(words, index, previous, following)
        if cue is not None:
            return cue
    return None


def _aux_before(words: list[str], index: int) -> str:
    """The auxiliary governing the verb at ``index`` ("had" for "had been due"), or ""."""
    cursor = index - 1
    while cursor >= 0 and words[cursor] in ("been", "not", "also", "still", "now", "widely",
                                            "originally", "previously", "initially", "already",
                                            "just", "never", "long"):
        if words[cursor] == "been" and cursor > 0 and words[cursor - 1] in ("had", "hadn't"):
            return "had"
        cursor -= 1
    return words[cursor] if cursor >= 0 else ""


def _word_cue(words: list[str], index: int, previous: str, following: str) -> str | None:
    """The cue one word gives: future, past, pluperfect, present, near, intent or None."""
    word = words[index]
    if word.endswith("'ll") or word in _FUTURE_AUX:
        return "future"
    if word in ("would", "wouldn't", "'d"):
        return "near"
    if word in ("could", "couldn't"):
        return None  # "could not be reached Friday" (past) or "could vote Friday" (future)
    if word == "be" and previous in _MODAL_BEFORE_BE:
        return "future"
    if word in _PRESENT and following == "to":
        return "future"  # "is to resume trading Tuesday", "has to decide by Friday"
    if word in _INTENT and following == "to":
        aux = _aux_before(words, index)
        if aux in ("had", "hadn't"):
            return "pluperfect"  # "had been due to expire Friday"
        if aux in _PAST_BE:
            return "near"  # "was expected to land Monday"
        if aux in _PRESENT_BE or aux in _PRESENT or aux == "will" or not word.endswith("ed"):
            return "future"
        if word in ("expected", "scheduled", "slated", "set", "due", "poised", "prepared",
                    "supposed"):
            return "future"  # a reduced relative: "the vote, expected to take place Friday"
        return "near"  # "planned to pay on Friday"
    if word in _INTENT_NO_TO or (word in _INTENT and following == "for"):
        aux = _aux_before(words, index)
        if previous in _PLAN_OF_THE_PAST or aux in ("had", "hadn't"):
            return "past"  # "as previously planned Saturday night"
        if aux in _PAST_BE:
            return "near"  # "the accession was planned for early March"
        return "intent"  # "has scheduled a news conference Thursday"
    if word in _AMBIGUOUS_FORMS:
        # "set", "hit", "cut" are past unless a base form ("will hit", "did not set").
        near = words[max(0, index - 2) : index]
        if any(w in _BASE_FORM_BEFORE or w.endswith("'ll") for w in near):
            return None  # a base form: "will hit the coast", "did not set a date"
        if previous in ("and", "or") and any(
                w in _MODAL_VERBS or w.endswith("'ll") for w in words[max(0, index - 7):index]):
            return None  # coordinated under a modal: "will hold a briefing and set out"
        return "past"
    if word in _FUTURE_MODALS:
        return "future"
    if word in _FUTURE_WORDS:
        return "future"
    if word in ("had", "hadn't"):
        return "pluperfect"
    if word in _PRESENT:
        return "present"
    participle = word in _PAST_WORDS or (
        len(word) >= 5 and word.endswith("ed") and word not in _NOT_PAST_ED and "-" not in word)
    if not participle:
        return None
    if word.endswith("ed") and previous in _ADJECTIVE_SLOT:
        return None  # "a detailed report", "the revised plan": an adjective
    if previous in _BE_AUX:
        return None  # a passive participle: the auxiliary before it decides
    aux = _aux_before(words, index)
    if aux in ("has", "have", "hasn't", "haven't"):
        return "present"  # a present perfect: "has extended loans through January"
    if aux in ("had", "hadn't"):
        return "pluperfect"
    return "past"
