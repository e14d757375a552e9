"""Fifty partners using Hearth on an ordinary evening, for `manage.py bench_load`.

Each simulated person is one partner of a bench couple, signed in with a session made
beforehand (people.json, written by bench_load), so the run measures daily use rather than
signing in. Their mix: open Today most often, answer the daily question, send a thank-you,
check in, read Insights. Tag `rps` measures plain throughput of Today against the floor.
"""

import json
import os
import random
import re

from locust import HttpUser, between, constant, tag, task

PEOPLE = json.loads(open(os.environ["HEARTH_BENCH_PEOPLE"]).read())  # noqa: SIM115
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANSWER = re.compile(r'action="(/talk/questions/\d+/answer/)"')
FEELING = re.compile(r'name="feeling" value="([\w-]+)"')
NEED = re.compile(r'name="need" value="([\w-]+)"')
WORDS = [
    "You made the morning easy by taking the kids to school.",
    "Thank you for listening on the walk home; I felt heard.",
    "The soup you made when I was tired tasted like home.",
    "I loved how you laughed at my terrible joke at dinner.",
]


class Partner(HttpUser):
    # People pause between taps; the throughput runs (HEARTH_BENCH_RPS=1) do not.
    wait_time = constant(0) if os.environ.get("HEARTH_BENCH_RPS") else between(0.5, 2.5)

    def on_start(self):
        person = PEOPLE[next_person()]
        self.client.cookies.set("sessionid", person["session"])

    def page(self, path: str, name: str) -> str:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{path} answered {response.status_code}")
            return response.text

    def post(self, path: str, data: dict, token: str, name: str, refusals=()) -> None:
        """`refusals`: statuses that are Hearth's kind answer to a race, not a failure (the
        partner answered between this person's page and their tap, revealing both)."""
        headers = {"X-CSRFToken": token, "Referer": self.host + path}
        with self.client.post(
            path, data=data, headers=headers, name=name, catch_response=True
        ) as response:
            if response.status_code in refusals:
                response.success()
            elif response.status_code >= 400 or response.status_code == 0:
                response.failure(f"{path} answered {response.status_code}")

    @tag("mix")
    @task(6)
    def open_today(self):
        self.page("/", "Today")

    @tag("mix")
    @task(2)
    def answer_the_question(self):
        today = self.page("/", "Today")
        form, token = ANSWER.search(today), CSRF.search(today)
        if form and token:  # once both have answered, the answers stay as they are
            data = {"text": random.choice(WORDS), "next": "/"}  # noqa: S311
            self.post(form.group(1), data, token.group(1), "Answer", refusals=(400, 409))

    @tag("mix")
    @task(1)
    def send_a_note(self):
        page = self.page("/appreciate/", "Appreciate")
        token = CSRF.search(page)
        if token:
            did, felt = random.sample(WORDS, 2)
            data = {"kind": "thanks", "did": did, "felt": felt, "mattered": ""}
            self.post("/appreciate/", data, token.group(1), "Send a note")

    @tag("mix")
    @task(1)
    def check_in(self):
        page = self.page("/support/", "Support")
        token, feelings, needs = CSRF.search(page), FEELING.findall(page), NEED.findall(page)
        if token and feelings and needs:
            data = {
                "feeling": random.choice(feelings),  # noqa: S311
                "need": random.choice(needs),  # noqa: S311
                "intensity": "3",
                "note": "",
                "shared": "1",
            }
            self.post("/support/", data, token.group(1), "Check in")

    @tag("mix")
    @task(1)
    def read_insights(self):
        self.page("/insights/", "Insights")

    @tag("rps-today")
    @task
    def today_as_fast_as_it_goes(self):
        self.page("/", "Today")

    @tag("rps-floor")
    @task
    def floor_as_fast_as_it_goes(self):
        self.page("/bench/floor/", "Floor")


_taken = -1


def next_person() -> int:
    global _taken
    _taken = (_taken + 1) % len(PEOPLE)
    return _taken
