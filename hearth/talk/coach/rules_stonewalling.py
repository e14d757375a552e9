"""Stonewalling: shutting down, going silent, closing the conversation.

Often a sign of being flooded; the repair is to ask for a break and promise to return. Markers:
curt one-word replies, "whatever", "I'm done", "leave me alone", "forget it".
"""

from __future__ import annotations

from .guards import (
    all_of,
    done_guard,
    not_affectionate,
    not_after_what_or_if,
    not_followed_by_logistics,
    warm_elsewhere,
    whatever_guard,
)
from .rules import END, IM, Rule, rule

P = "stonewalling"

_ALONE = r"^\W*(?P<hit>{})[\s.!…]*$"

RULES: tuple[Rule, ...] = (
    # curt replies that are the whole message
    rule(P, "curt", 0.75, _ALONE.format(r"k|k\.|kk\.|fine|whatever|forget\s+it")),
    rule(
        P, "curt", 0.55, _ALONE.format(r"noted|nothing|nvm|never\s*mind|\.+|…|if\s+you\s+say\s+so")
    ),
    rule(P, "curt", 0.35, _ALONE.format(r"ok\.|okay\.|sure\.|cool\.|bye\.|i'?m\s+fine\.|mhm+\.")),
    rule(P, "curt", 0.7, r"^\W*(?P<hit>fine)\s*[.!]+\s*\w"),
    rule(P, "dismissal", 0.7, r"\b(?P<hit>whatever)\b", whatever_guard),
    rule(
        P,
        "dismissal",
        0.8,
        r"\b(?P<hit>fine\W{1,3}(?:then|whatever|do\s+(?:what|whatever)(?:\s+(?:you|u)\s+(?:want|like))?|go|be\s+that\s+way|"
        r"have\s+it)|"
        r"(?:ok|okay)\s+fine|be\s+that\s+way|suit\s+yourself|have\s+it\s+your\s+way)\b",
    ),
    rule(
        P,
        "dismissal",
        0.7,
        r"\b(?P<hit>do\s+(?:whatever|what)\s+(?:you|u)\s+(?:want|like))(?=\s*(?:$|[.!…]|then|,?\s*"
        r"I\s+don'?t\s+care))",
        not_affectionate,
    ),
    # closing the door
    rule(
        P,
        "shutdown",
        0.85,
        rf"\b(?P<hit>{IM}\s+(?:so\s+|just\s+|officially\s+|completely\s+|totally\s+|really\s+)?"
        r"done)(?=\s*(?:$|[.!?;…\n]|talking|trying|arguing|discussing|fighting|explaining|caring|"
        r"with\s+(?:you|u|us|this\s+(?:conversation|discussion|argument|relationship|marriage|"
        r"whole|crap|nonsense)|this(?=\s*(?:$|[.!?,;…]))|it(?=\s*(?:$|[.!?,;…]))|everything|"
        r"all\s+of\s+(?:this|it|you))))",
        done_guard,
    ),
    rule(
        P,
        "shutdown",
        0.8,
        r"\b(?P<hit>we'?re\s+done)(?=\s*(?:$|[.!?;…\n]|here|talking))",
        done_guard,
    ),
    rule(P, "shutdown", 0.85, r"\b(?P<hit>leave\s+me\s+alone)\b", not_affectionate),
    rule(P, "shutdown", 0.65, rf"\b(?P<hit>go\s+away){END}", not_affectionate),
    rule(
        P,
        "shutdown",
        0.8,
        r"\b(?P<hit>stop\s+(?:texting|messaging|calling|talking\s+to|bothering)\s+me)\b",
        not_affectionate,
    ),
    rule(
        P,
        "shutdown",
        0.75,
        r"\b(?P<hit>don'?t\s+(?:talk|text|speak|call|message)\s+(?:to\s+)?me)\b(?!\s+(?:like|that))",
        not_followed_by_logistics,
    ),
    rule(
        P,
        "shutdown",
        0.7,
        r"\b(?P<hit>I\s+(?:don'?t|do\s+not)\s+want\s+to\s+(?:talk|hear|discuss|deal\s+with)"
        r"(?:\s+(?:about\s+)?(?:it|this|that|you|any\s+more|anymore))?)\b",
        not_followed_by_logistics,
    ),
    rule(
        P,
        "shutdown",
        0.75,
        rf"\b(?P<hit>(?:{IM}\s+)?not\s+(?:talking|discussing|doing|having)\s+(?:about\s+)?"
        r"(?:this|that|it)|(?:I'?m\s+)?not\s+having\s+this\s+(?:conversation|discussion|argument)|"
        r"I'?m\s+not\s+doing\s+this(?:\s+again|\s+anymore|\s+right\s+now)?)\b",
    ),
    rule(
        P,
        "shutdown",
        0.7,
        r"\b(?P<hit>I\s+(?:don'?t|do\s+not)\s+care(?:\s+anymore)?)\b",
        all_of(not_after_what_or_if, warm_elsewhere),
    ),
    rule(
        P,
        "shutdown",
        0.7,
        r"\b(?P<hit>forget\s+(?:it|I\s+said\s+anything|I\s+asked|I\s+mentioned\s+it|"
        r"about\s+it))\b",
        not_affectionate,
    ),
    rule(
        P,
        "shutdown",
        0.6,
        r"\b(?P<hit>never\s*mind)(?=\s*(?:$|[.!…]+\s*$|then\b|,?\s*forget|,?\s*it\s+doesn'?t))",
    ),
    rule(
        P,
        "shutdown",
        0.7,
        r"\b(?P<hit>(?:there'?s|there\s+is)\s+no\s+point(?:\s+(?:in\s+)?(?:talking|trying|arguing|"
        r"discussing))?|no\s+point\s+(?:in\s+)?(?:talking|trying|arguing|discussing))\b",
    ),
    rule(P, "shutdown", 0.6, rf"\b(?P<hit>what'?s\s+the\s+point){END}"),
    rule(P, "shutdown", 0.6, r"\b(?P<hit>I\s+give\s+up)(?!\s+on\s+(?!you|us|this\b|trying))\b"),
    rule(P, "shutdown", 0.9, r"\b(?P<hit>talk\s+to\s+the\s+hand)\b"),
    rule(
        P,
        "shutdown",
        0.85,
        r"\b(?P<hit>end\s+of\s+(?:story|discussion|conversation)|(?:conversation|discussion)\s+"
        r"(?:over|ended|is\s+over))\b",
    ),
    rule(P, "shutdown", 0.7, rf"\b(?P<hit>(?:just\s+)?drop\s+it){END}"),
    rule(
        P,
        "shutdown",
        0.8,
        r"\b(?P<hit>I\s+have\s+nothing\s+(?:else\s+|more\s+)?to\s+say(?:\s+to\s+you)?|"
        r"nothing\s+(?:more\s+)?to\s+talk\s+about)\b",
    ),
    rule(P, "shutdown", 0.65, rf"\b(?P<hit>{IM}\s+not\s+(?:answering|responding|replying))\b"),
    rule(P, "shutdown", 0.6, rf"\b(?P<hit>{IM}\s+out(?:\s+of\s+here)?){END}", done_guard),
    rule(
        P,
        "shutdown",
        0.6,
        r"\b(?P<hit>I\s+can'?t\s+do\s+this(?:\s+(?:anymore|any\s+more|right\s+now|with\s+you|"
        r"again))?)(?=\s*(?:$|[.!?,;…]))",
    ),
    rule(
        P,
        "shutdown",
        0.6,
        r"\b(?P<hit>I\s+can'?t\s+deal\s+with\s+(?:you|this)(?:\s+right\s+now)?)\b",
    ),
    rule(P, "shutdown", 0.6, r"\b(?P<hit>don'?t\s+bother|why\s+bother)\b"),
    rule(P, "shutdown", 0.7, rf"\b(?P<hit>{IM}\s+not\s+listening|la\s+la\s+la)\b"),
    rule(P, "shutdown", 0.75, r"\b(?P<hit>I\s+don'?t\s+want\s+to\s+hear\s+it|save\s+it)\b"),
    rule(P, "shutdown", 0.5, r"^\W*(?P<hit>not\s+now|stop\s+it|just\s+stop)[\s.!]*$"),
    rule(P, "shutdown", 0.6, r"\b(?P<hit>figure\s+it\s+out\s+yourself|ask\s+someone\s+else)\b"),
    rule(P, "shutdown", 0.6, rf"\b(?P<hit>(?:just\s+)?leave\s+it){END}", not_affectionate),
    rule(P, "shutdown", 0.75, r"\b(?P<hit>don'?t\s+even\s+(?:talk|text|speak)\s+to\s+me)\b"),
    rule(
        P,
        "dismissal",
        0.6,
        r"^\W*(?P<hit>(?:it\s+)?(?:doesn'?t|does\s+not|don'?t)\s+matter(?:\s+anymore)?)[\s.!…]*$",
    ),
    rule(P, "dismissal", 0.7, r"\b(?P<hit>(?:it\s+)?doesn'?t\s+matter\s+anymore)\b"),
    rule(
        P, "dismissal", 0.7, r"\b(?P<hit>idc|idgaf|don'?t\s+care\s+anymore)\b", not_after_what_or_if
    ),
    rule(
        P,
        "shutdown",
        0.75,
        rf"\b(?P<hit>I\s+(?:don'?t|do\s+not)\s+have\s+time\s+for\s+(?:this|you)){END}",
    ),
    rule(P, "shutdown", 0.6, rf"^\W*(?P<hit>can\s+we\s+(?:just\s+)?not){END}"),
    rule(
        P,
        "shutdown",
        0.75,
        rf"\b(?P<hit>{IM}\s+not\s+(?:talking|speaking)\s+to\s+you)\b",
        not_followed_by_logistics,
    ),
    rule(P, "shutdown", 0.5, rf"\b(?P<hit>{IM}\s+not\s+in\s+the\s+mood){END}"),
    rule(
        P,
        "shutdown",
        0.7,
        rf"\b(?P<hit>{IM}\s+not\s+(?:arguing|fighting|going\s+to\s+(?:argue|fight|discuss))|"
        r"I\s+(?:won'?t|will\s+not|refuse\s+to)\s+(?:discuss|talk\s+about|argue\s+about|argue))\b",
    ),
    rule(
        P,
        "shutdown",
        0.6,
        r"\b(?P<hit>(?:this|it'?s|talking\s+to\s+you\s+is)\s+(?:so\s+)?pointless)\b",
    ),
    rule(
        P, "shutdown", 0.7, r"\b(?P<hit>(?:muting|blocking|ignoring)\s+(?:you|this\s+chat|this))\b"
    ),
    rule(P, "shutdown", 0.65, r"\b(?P<hit>I\s+can'?t\s+talk\s+to\s+you(?:\s+right\s+now)?)\b"),
    rule(P, "shutdown", 0.7, rf"\b(?P<hit>stop\s+talking(?:\s+to\s+me)?){END}"),
    rule(
        P,
        "shutdown",
        0.8,
        r"(?:^|[.!?]\s*)(?P<hit>done\s+(?:talking|discussing|arguing|explaining|with\s+(?:this|you)))\b",
    ),
    rule(P, "curt", 0.6, r"^\W*(?P<hit>k)\.\s+\w"),
    rule(P, "dismissal", 0.6, rf"(?:^|[.!?]\s*)(?P<hit>you\s+do\s+you){END}"),
    rule(P, "shutdown", 0.8, r"\b(?P<hit>talk\s+to\s+you\s+never)\b"),
    rule(P, "shutdown", 0.75, r"\b(?P<hit>I\s+(?:don'?t|do\s+not)\s+want\s+to\s+see\s+you)\b"),
    rule(
        P,
        "curt",
        0.5,
        _ALONE.format(r"goodbye|if\s+that'?s\s+what\s+you\s+want|yeah\s+yeah|sure\s+sure"),
    ),
    rule(P, "shutdown", 0.55, r"^\W*(?P<hit>don'?t\s+start(?:\s+with\s+me)?)\b"),
    rule(
        P,
        "shutdown",
        0.8,
        r"\b(?P<hit>I\s+(?:don'?t\s+have\s+anything|have\s+nothing|got\s+nothing)\s+(?:else\s+|more\s+)?"
        r"to\s+say)\b",
    ),
    rule(P, "shutdown", 0.7, r"\b(?P<hit>forget\s+I\s+(?:even\s+)?(?:asked|said|mentioned))\b"),
    rule(
        P,
        "curt",
        0.6,
        r"^\W*(?P<hit>(?:ok|okay|k|fine|sure|whatever|nope|yep|noted|cool|bye)\s*[.!]+\s*"
        r"(?:ok|okay|k|fine|sure|whatever|bye|goodbye|nope|noted|cool)\b)[\s.!]*$",
    ),
    rule(P, "shutdown", 0.7, r"\b(?P<hit>(?:talk|go\s+talk)\s+to\s+someone\s+who\s+cares)\b"),
    rule(
        P,
        "shutdown",
        0.6,
        rf"\b(?P<hit>{IM}\s+(?:turning|switching|putting)\s+(?:my\s+)?phone\s+(?:off|away)|"
        rf"{IM}\s+(?:going\s+)?offline){END}",
    ),
    rule(P, "shutdown", 0.6, rf"(?:^|[.!?]\s*)(?P<hit>(?:I\s+)?don'?t\s+want\s+to){END}"),
    rule(P, "shutdown", 0.75, r"\b(?P<hit>when\s+I\s+feel\s+like\s+it)\b"),
    rule(P, "curt", 0.45, r"^\W*(?P<hit>can'?t\s+talk)\s*\.(?=\s*\S)"),
)
