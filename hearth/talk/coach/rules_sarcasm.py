"""Contempt, part two: sarcasm and mockery.

Sarcasm is contempt wearing a smile ("must be nice", "sure, because you're SO busy"), so these rules
lean on fixed ironic phrases, emphasis in capitals and scare quotes rather than on negative words,
which VADER often reads as positive.
"""

from __future__ import annotations

from .guards import not_affectionate, warm_clause
from .rules import END, YOU, YOURE, Rule, rule

P = "contempt"

RULES: tuple[Rule, ...] = (
    rule(P, "sarcasm", 0.8, r"\b(?P<hit>must\s+be\s+nice)\b"),
    rule(
        P,
        "sarcasm",
        0.6,
        r"\b(?P<hit>must\s+be\s+(?:so\s+)?(?:lovely|great|fun|wonderful|relaxing|easy|amazing))\s+"
        r"(?:to|having|being|getting)\b",
    ),
    rule(P, "sarcasm", 0.55, r"\b(?P<hit>(?:nice|lucky|good)\s+for\s+some)\b"),
    rule(
        P,
        "sarcasm",
        0.8,
        r"\b(?P<hit>(?:(?:oh|ah|yeah|well)\W{0,3})?(?:sure|yeah|right|oh|of\s+course)\W{0,3}because)\b",
    ),
    rule(P, "sarcasm", 0.75, r"\b(?P<hit>yeah,?\s+right)\b"),
    rule(P, "sarcasm", 0.7, r"^\W*(?P<hit>oh\s+please)\b"),
    rule(
        P,
        "sarcasm",
        0.7,
        rf"\b(?P<hit>sure\s+{YOU}\s+(?:did|do|are|will|were|can|have|would))\b{END}",
    ),
    rule(
        P,
        "sarcasm",
        0.7,
        r"\b(?P<hit>oh\s+(?:great|wonderful|perfect|fantastic|brilliant|lovely|joy|goody))\b"
        r"\W{1,4}(?:just|another|so|now|more|thanks|because|you|what|exactly|here)\b",
        not_affectionate,
    ),
    rule(
        P,
        "sarcasm",
        0.7,
        r"\b(?P<hit>just\s+(?:great|perfect|wonderful|fantastic|brilliant))\b{END}",
    ),
    rule(P, "sarcasm", 0.8, r"\b(?P<hit>wow\W+just\s+wow)\b"),
    rule(P, "sarcasm", 0.6, r"(?:^|[.!?]\s*)(?P<hit>just\s+wow)\b"),
    rule(P, "sarcasm", 0.75, r"\b(?P<hit>(?:and\s+|oh\s+|well\s+)?here\s+we\s+go\s+again)\b"),
    rule(P, "sarcasm", 0.6, r"\b(?P<hit>not\s+this\s+again)\b"),
    rule(P, "sarcasm", 0.7, r"\b(?P<hit>what\s+a\s+(?:surprise|shock|shocker))\b"),
    rule(
        P,
        "sarcasm",
        0.6,
        r"\b(?P<hit>big\s+surprise|colou?r\s+me\s+(?:surprised|shocked)|shocker)\b",
    ),
    rule(
        P,
        "sarcasm",
        0.8,
        r"\b(?P<hit>(?:real|very|how|so)\s+mature|(?:nice|great|good|well\s+done|way\s+to\s+go|bravo|"
        r"congrats|congratulations)\W{1,3}(?:genius|einstein|sherlock|smart\s+guy|hero|champ|"
        r"captain\s+obvious))\b",
    ),
    rule(P, "sarcasm", 0.6, r",\s*(?P<hit>genius|einstein|sherlock|princess|your\s+majesty)\b"),
    rule(
        P,
        "sarcasm",
        0.85,
        r"\b(?P<hit>thanks\s+(?:a\s+lot\s+)?for\s+(?:nothing|ruining|ignoring|forgetting|"
        r"letting\s+me\s+down|nothing\s+as\s+usual))\b",
    ),
    rule(
        P, "sarcasm", 0.45, r"^\W*(?P<hit>thanks\s+a\s+lot|great|nice\s+going|good\s+for\s+you)\W*$"
    ),
    rule(
        P,
        "sarcasm",
        0.75,
        r"\b(?P<hit>(?:how\s+nice|so\s+nice|nice)\s+of\s+you\s+to\s+(?:finally|show|join|grace|"
        r"remember|bother)|look\s+who\s+(?:finally\s+)?(?:decided|showed|remembered)|"
        r"so\s+glad\s+you\s+could\s+(?:join|make\s+it))\b",
    ),
    rule(
        P,
        "sarcasm",
        0.6,
        rf"\b{YOU}(?:'re|\s+are|\s+were)?\s+(?:\w+\s+)?(?P<hit>(?-i:SO|SOOO*|REALLY|VERY|TOTALLY|"
        r"SUPER)\s+(?-i:[a-z][a-z'-]*))\b",
        warm_clause,
    ),
    rule(P, "sarcasm", 0.55, r"(?P<hit>(?:\.\.\.|…|—|-)\s*not)\s*[.!]*\s*$"),
    rule(P, "sarcasm", 0.75, r"\b(?P<hit>you\s+call\s+(?:that|this)\s+(?:an?\s+)?\w+)\s*\?"),
    rule(P, "sarcasm", 0.8, r"\b(?P<hit>you'?d\s+forget\s+your\s+(?:own\s+)?head)\b"),
    rule(
        P,
        "mockery",
        0.7,
        r"(?<![\w@])(?P<hit>(?-i:(?:[a-z][A-Z]){2,}[a-z]?|(?:[A-Z][a-z]){2,}[A-Z]))(?![\w@])",
    ),
    rule(
        P,
        "mockery",
        0.6,
        r"(?<!\w)(?P<hit>[\"'](?:busy|working|helping|sorry|tired|friend|friends|plans|job|meeting|"
        r"forgot|help|fine|emergency|late)[\"'])",
    ),
    rule(P, "mockery", 0.9, r"\b(?P<hit>cry\s+me\s+a\s+river|boo\s*-?\s*hoo)\b"),
    rule(P, "mockery", 0.55, r"\b(?P<hit>poor\s+you)\b(?!\s*[!❤])", warm_clause),
    rule(
        P,
        "mockery",
        0.8,
        r"\b(?P<hit>(?:stop|quit)\s+(?:whining|crying|being\s+a\s+baby|acting\s+like\s+a\s+"
        r"(?:child|baby|kid)|your\s+whining|your\s+crying|sulking|pouting))\b",
    ),
    rule(P, "mockery", 0.85, r"\b(?P<hit>grow\s+up)\b", not_affectionate),
    rule(
        P, "mockery", 0.8, r"\b(?P<hit>get\s+(?:a\s+life|a\s+grip|a\s+clue|over\s+yourself|real))\b"
    ),
    rule(
        P,
        "mockery",
        0.6,
        r"(?:(?:^|[.!?,]\s*)(?:just\s+|please\s+|ok\s+|okay\s+|jeez\s+|geez\s+)?|"
        r"\byou\s+(?:need|have)\s+to\s+)(?P<hit>calm\s+down)\b",
        not_affectionate,
    ),
    rule(
        P,
        "mockery",
        0.85,
        r"\b(?P<hit>(?:no\s*one|nobody)\s+(?:asked|cares)|who\s+asked(?:\s+you)?)\b",
        not_affectionate,
    ),
    rule(P, "mockery", 0.5, r"^\W*(?P<hit>who\s+cares)\b", not_affectionate),
    rule(P, "mockery", 0.75, r"\b(?P<hit>spare\s+me(?:\s+the\s+\w+)?)\b"),
    rule(P, "mockery", 0.6, r"\b(?P<hit>give\s+me\s+a\s+break)\b"),
    rule(
        P,
        "mockery",
        0.55,
        r"\b(?P<hit>whatever\s+you\s+say)\W{1,3}(?:dear|genius|boss|princess|sweetie)\b",
    ),
    rule(
        P,
        "sarcasm",
        0.85,
        r"\b(?P<hit>(?:do\s+you\s+)?want\s+a\s+(?:medal|trophy|cookie|gold\s+star|parade|prize)|"
        r"should\s+I\s+(?:throw\s+(?:you\s+)?a\s+(?:party|parade)|clap|be\s+impressed)|"
        r"give\s+(?:you|him|her)\s+a\s+(?:medal|trophy|cookie|gold\s+star))\b",
    ),
    rule(
        P,
        "sarcasm",
        0.8,
        r"\b(?:ok|okay|sure|nice|great|good\s+job|thanks|right|yeah|lol|well\s+done)\W{0,3}"
        r"(?P<hit>genius|einstein|sherlock|smart\s*(?:guy|ass)|hotshot|"
        r"mr\.?\s+perfect|miss\s+perfect|your\s+highness|princess|your\s+majesty)\b",
    ),
    rule(P, "sarcasm", 0.7, r"\b(?P<hit>imagine\s+(?:being|having|thinking|needing))\b"),
    rule(P, "sarcasm", 0.7, r"\b(?P<hit>(?:the\s+)?bare\s+minimum)\b"),
    rule(
        P,
        "sarcasm",
        0.7,
        r"\b(?P<hit>(?:congrats|congratulations|wow|bravo|well\s+done|good\s+job|oh\s+look|look\s+at\s+you)\b"
        r"[^.!?]{0,30}\bfinally)\b",
    ),
    rule(
        P,
        "sarcasm",
        0.45,
        rf"\b(?P<hit>{YOU}\s+finally\s+(?:remembered|decided|showed|noticed|bothered))\b",
    ),
    rule(
        P,
        "sarcasm",
        0.45,
        r"\b(?P<hit>(?:he|she)\s+finally\s+(?:remembered|decided|showed|noticed|bothered))\b",
    ),
    rule(
        P,
        "sarcasm",
        0.7,
        r"\b(?:sure|yeah|right|oh|because)\b[^.!?]{0,30}(?<!\w)(?P<hit>[\"'][a-z][^\"'\n]{2,30}[\"'])"
        r"(?!\w)",
    ),
    rule(
        P,
        "mockery",
        0.85,
        rf"\b(?P<hit>what\s+are\s+{YOU},?\s+(?:five|six|ten|twelve|\d{{1,2}}|a\s+child|a\s+toddler|"
        r"a\s+baby|in\s+kindergarten))\b",
    ),
    rule(
        P,
        "mockery",
        0.85,
        r"\b(?P<hit>who\s+raised\s+you|were\s+you\s+raised\s+(?:by|in)\s+a?\s*\w+|"
        r"I'?m\s+embarrassed\s+to\s+be\s+seen\s+with\s+you|I\s+can'?t\s+take\s+you\s+anywhere|"
        r"talking\s+to\s+you\s+is\s+like\s+talking\s+to\s+a\s+wall)\b",
    ),
    rule(
        P,
        "mockery",
        0.75,
        r"\b(?P<hit>(?:lucky|surprised)\s+(?:anyone|someone|I|she|he)\s+(?:still\s+)?puts?\s+up\s+"
        r"with\s+you|no\s*one\s+else\s+would\s+(?:put\s+up\s+with|want|date|marry)\s+you)\b",
    ),
    rule(
        P,
        "mockery",
        0.7,
        r"\b(?P<hit>(?:do|can)\s+you\s+(?:even\s+)?hear\s+yourself|listen\s+to\s+yourself)\b",
    ),
    rule(P, "mockery", 0.6, r"\b(?P<hit>that'?s\s+rich)\b"),
    rule(
        P,
        "mockery",
        0.6,
        r"^\W*(?P<hit>as\s+if|lol\s+sure|sure\s+jan|ok\s+boomer|cool\s+story(?:\s+bro)?|pfft+|psh+)\b",
    ),
    rule(P, "mockery", 0.6, r"\b(?P<hit>get\s+over\s+it)\b", not_affectionate),
    rule(
        P,
        "mockery",
        0.7,
        rf"\b(?P<hit>{YOU}\s+(?:are\s+|'re\s+)?(?:acting|act|behaving|behave)\s+like\s+an?\s+"
        r"(?:child|baby|toddler|teenager|spoiled\s+brat|brat|two[- ]year[- ]old))\b",
    ),
    rule(
        P,
        "mockery",
        0.6,
        rf"\b(?P<hit>{YOU}\s+(?:must\s+)?think\s+I'?m\s+(?:stupid|an\s+idiot|dumb|blind|a\s+fool|an?\s+moron))\b",
    ),
    rule(P, "mockery", 0.65, r"^\W*(?P<hit>what\s+a\s+joke)\b"),
    rule(
        P,
        "sarcasm",
        0.5,
        r"^\W*(?P<hit>(?:oh|gee|gosh|ha|well\s+well)\W+(?:\w+\W+){0,2}?(?:great|brilliant|"
        r"wonderful|perfect|fantastic|cute|nice|amazing|lovely|impressive|genius|smart|helpful))\b"
        r"(?![^!]*\b(?:thanks|thank|love|so\s+much)\b)(?=[^!]*$)",
    ),
    rule(P, "sarcasm", 0.7, r"^\W*(?P<hit>gee|gee\s+whiz)\b"),
    rule(
        P,
        "sarcasm",
        0.6,
        r"^\W*(?P<hit>how\s+(?:cute|nice|sweet|thoughtful|original|generous|mature|convenient|"
        r"lovely|considerate))\b(?=[^!]*$)",
    ),
    rule(
        P,
        "sarcasm",
        0.7,
        r"\b(?P<hit>your\s+(?:very|super|oh\s+so|so|extremely|incredibly)\s+(?:important|busy|"
        r"precious|special|urgent|exhausting))\b",
    ),
    rule(P, "sarcasm", 0.6, r"\b(?P<hit>(?:did|do)\s+I\s+(?:interrupt|disturb|bother)\s+your)\b"),
    rule(P, "sarcasm", 0.65, r"\b(?P<hit>thanks\s+for\s+remembering\s+I\s+exist|remember\s+me\?)"),
    rule(P, "sarcasm", 0.7, r"^\W*(?P<hit>ha+\.?\s*(?:sure|ok|okay|right|yeah|good\s+one))\b"),
    rule(
        P,
        "sarcasm",
        0.8,
        r"\b(?P<hit>alert\s+the\s+(?:media|press)|stop\s+the\s+presses|mark\s+(?:the|your)\s+calendar|"
        r"call\s+the\s+news|someone\s+call\s+the\s+news|a\s+miracle)\b(?!\s+(?:baby|worker))",
    ),
    rule(
        P,
        "sarcasm",
        0.5,
        rf"\b(?P<hit>{YOU}\s+actually\s+(?:remembered|did|cleaned|showed|listened|helped))\b",
    ),
    rule(
        P,
        "superiority",
        0.6,
        r"\b(?P<hit>some\s+people\s+(?:just\s+|really\s+)?(?:can'?t|don'?t|never|always|think|have\s+no))\b",
    ),
    rule(
        P,
        "mockery",
        0.7,
        r"\b(?P<hit>(?:married\s+to|living\s+with|dating|dealing\s+with|raising)\s+an?\s+(?:toddler|"
        r"child|teenager|baby|kid|five[- ]year[- ]old|slob|pig|brat))\b",
    ),
    rule(P, "sarcasm", 0.6, r"^\W*(?P<hit>nice\s+try)\W*$"),
    rule(
        P,
        "sarcasm",
        0.8,
        r"\b(?P<hit>must\s+be\s+(?:so\s+)?(?:exhausting|hard|tough|tiring|great|nice|fun)\s+being\s+you)\b",
    ),
    rule(P, "mockery", 0.7, r"\b(?P<hit>not\s+in\s+a\s+good\s+way)\b"),
    rule(
        P,
        "superiority",
        0.85,
        rf"\b(?P<hit>{YOURE}\s+not\s+(?:even\s+)?worth\s+(?:it|arguing|talking|fighting|my\s+time|the\s+"
        r"effort|my\s+breath))\b",
    ),
    rule(
        P,
        "mockery",
        0.8,
        r"\b(?P<hit>keep\s+telling\s+yourself\s+that|whatever\s+helps\s+you\s+sleep(?:\s+at\s+night)?|"
        r"if\s+that\s+helps\s+you\s+sleep)\b",
    ),
    rule(
        P,
        "sarcasm",
        0.55,
        r"(?:^|[.?]\s*)(?P<hit>(?:how|what\s+an?|so)\s+(?:\w+\s+)?(?:generous|thoughtful|considerate|"
        r"helpful|mature|original|noble|brave|genius|brilliant|smart|clever)(?:\s+(?:move|idea|"
        r"plan|of\s+you))?)\s*\.?\s*$",
    ),
    rule(P, "sarcasm", 0.75, r"\b(?P<hit>what\s+a\s+genius\s+(?:move|idea|plan))\b"),
    rule(P, "mockery", 0.7, r"(?:^|[.!?]\s*)(?P<hit>classic\s+you|so\s+you)\s*[.!]*\s*$"),
    rule(P, "mockery", 0.8, rf"\b(?P<hit>{YOU}\s+call\s+yourself\s+an?)\b"),
    rule(
        P,
        "insult",
        0.75,
        rf"\b(?P<hit>(?:do|does)\s+{YOU}\s+(?:even\s+)?have\s+a\s+brain|brain\s+cells?|"
        r"use\s+your\s+brain)\b",
    ),
    rule(P, "mockery", 0.75, rf"\b(?P<hit>(?:lol|lmao|haha|laughing)\s+at\s+{YOU})\b"),
    rule(
        P,
        "sarcasm",
        0.65,
        r"^\W*(?P<hit>sure\s*,?\s+you'?re\s+\w+)\s*\.|\b(?P<what>(?:from|doing)\s+what)\s*,",
    ),
    rule(
        P,
        "insult",
        0.75,
        rf"\b(?P<hit>are\s+{YOU}\s+(?:really|seriously|actually|just)?\s*(?:this|that|so)\s+"
        r"(?:dense|dumb|stupid|slow|clueless|blind|thick|oblivious|naive|useless))\b",
    ),
    rule(P, "sarcasm", 0.7, r"\b(?P<hit>real\s+smooth|smooth\s+move|nice\s+move|great\s+move)\b"),
    rule(P, "mockery", 0.8, rf"\b(?P<hit>{YOURE}\s+(?:so\s+)?full\s+of\s+(?:it|crap|yourself))\b"),
    rule(
        P,
        "sarcasm",
        0.75,
        r"\b(?P<hit>(?:nice|great|good|fantastic|brilliant)\s+(?:job|work|going|one))\s*[,.]\s*"
        r"(?=(?:you|now|again|genius|hero)\b)",
    ),
    rule(P, "sarcasm", 0.6, r"(?<=,)\s*(?P<hit>hero|champ|chief)\s*[.!]*\s*$"),
)
