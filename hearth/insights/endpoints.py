"""API for Insights (PRODUCT I1–I4), mounted under /api/v1/insights. Each feature keeps its
endpoints in a module of its own and adds its router to ROUTERS: the weekly "State of us"
in `endpoints_week.py`, the monthly pulse in `endpoints_pulse.py`."""

from hearth.insights.endpoints_pulse import router as pulse_router
from hearth.insights.endpoints_week import router as week_router

PREFIX = "/insights"
ROUTERS = [(PREFIX, week_router), (PREFIX, pulse_router)]
