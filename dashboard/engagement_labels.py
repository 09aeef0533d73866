"""Words for the portal's codes (tools, project kinds), shared by the Engagement page, its
figures and the project page so a tool is called the same thing everywhere."""

from __future__ import annotations

KIND_TEXT = {
    "consultation": "Consultation",
    "engagement": "Engagement",
    "participatory_budgeting": "Participatory budgeting",
}
STATUS_TEXT = {
    "open": "Open",
    "awaiting feedback": "Awaiting feedback",
    "feedback overdue": "Feedback overdue",
    "feedback published": "Feedback published",
}
SORT_TEXT = {
    "newest": "Newest first",
    "title": "Title, A to Z",
    "contributions": "Most contributions",
    "visitors": "Most visitors",
    "waiting": "Longest wait for feedback",
}
TOOL_NAMES = {
    "survey": "Survey",
    "quick_poll": "Quick poll",
    "ideas": "Ideas",
    "questions": "Q&A",
    "stories": "Stories",
    "forum": "Forum",
    "places": "Places",
    "budget": "Participatory budgeting",
    "petition": "Petition",
}


def tool_name(tool: object) -> str:
    """The portal's name for a tool code; an unknown code is shown as it came."""
    return TOOL_NAMES.get(str(tool), str(tool).replace("_", " ").capitalize())


def explorer_choice(key: str, value: object) -> str:
    """An explorer control's value from a URL if it is a real choice, else the default."""
    choices = {
        "kind": ("all", *KIND_TEXT),
        "status": ("all", *STATUS_TEXT),
        "sort": tuple(SORT_TEXT),
    }[key]
    return value if value in choices else choices[0]
