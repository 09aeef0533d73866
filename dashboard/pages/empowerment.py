"""Empowerment: community hubs, the TCCA response and community capacity, by cluster."""

import dash
import dash_bootstrap_components as dbc
from dash import html

dash.register_page(
    __name__,
    path="/empowerment",
    name="Empowerment",
    title="Empowerment - Collaborative Communities Monitor",
    description="Where hubs reach people, how the TCCA response worked and where capacity is.",
    order=2,
    nav=True,
)

MEASURES = [
    {"label": "Attendances (visits)", "value": "attendances"},
    {"label": "Events and groups", "value": "events"},
    {"label": "Advice sessions", "value": "advice_sessions"},
    {"label": "Digital-inclusion help sessions", "value": "digital_help"},
]
MEASURE_VALUES = tuple(m["value"] for m in MEASURES)
DEFAULT_MEASURE = "attendances"
# a pattern-matching id: the callback keeping it in step with the URL listens to the URL on
# every page, and on other pages an ALL pattern matches nothing instead of a missing id
MEASURE_ID = {"type": "empowerment-hub-measure", "index": 0}


def measure_choice(value: object) -> str:
    """A hub measure from the URL, or the default for anything else (never an error)."""
    return value if isinstance(value, str) and value in MEASURE_VALUES else DEFAULT_MEASURE


def _section(section_id: str, title: str, intro: str, *children: object) -> html.Section:
    return html.Section(
        [html.H2(title, className="h3"), html.P(intro), *children],
        id=section_id,
        className="theme-page-section",
    )


def _methodology() -> html.Details:
    return html.Details(
        [
            html.Summary("How these figures are worked out"),
            html.Ul(
                [
                    html.Li(
                        "Hub attendances are drop-in visits plus attendances at events and "
                        "groups. Attendances, events, advice sessions and digital-inclusion help "
                        "sessions count visits and contacts, not different people (one resident "
                        "can come many times), so they are not suppressed. Rates are per 1,000 "
                        "usual residents of the hub's cluster (Census 2021), annualised for "
                        "quarters."
                    ),
                    html.Li(
                        "A cluster with no community hub has no hub figures: it is shown as "
                        "'no hub in this cluster', never as zero. A hub that sent no returns for "
                        "a period (or a month) is shown as 'no returns', not as zero. The "
                        "seasonal pattern averages each calendar month over the years in which "
                        "hubs sent returns for it. A cluster or borough rate counts the activity "
                        "returned over the whole period: days or months a hub did not report "
                        "add nothing, so the rate understates activity where returns are "
                        "missing (the sentence says when a hub sent none)."
                    ),
                    html.Li(
                        "TCCA requests are counted by the resident's cluster and the date "
                        "received. The shares fulfilled within 24 and 48 hours take every "
                        "request as the base, including those never fulfilled (still open, "
                        "referred on, no longer needed or unable to contact), which are counted "
                        "and shown."
                    ),
                    html.Li(
                        "Median and 90th percentile hours to fulfil are over fulfilled requests, "
                        "computed with DuckDB's quantile_cont: linear interpolation between the "
                        "two closest ranks (the p-th percentile of n sorted times sits at "
                        "position p × (n − 1), counting from 0). They are not shown where 1 to 4 "
                        "requests were fulfilled."
                    ),
                    html.Li(
                        "Deprivation is the Index of Multiple Deprivation 2019 (IMD 2019): the "
                        "share of the cluster's residents (mid-2015 estimates) living in "
                        "neighbourhoods (LSOAs) among the 20% most deprived in England."
                    ),
                    html.Li(
                        "Volunteers are counted by their home cluster: registered by the end of "
                        "the period, and active if they fulfilled at least one request in it. "
                        "Volunteers living outside the borough are counted in the borough's "
                        "totals table only. Requests per volunteer serving the area divides "
                        "an area's requests by the different volunteers who fulfilled them, "
                        "wherever those volunteers live."
                    ),
                    html.Li(
                        "Requests and volunteers are people: figures based on 1 to 4 people are "
                        "shown as [c]. Others are hidden too wherever the published figures "
                        "would give a hidden one back: requests are fulfilled plus never "
                        "fulfilled, each breakdown adds up to the requests, and the borough is "
                        "the sum of its clusters, so all of these are protected together."
                    ),
                ]
            ),
        ],
        className="methodology",
        id="empowerment-methodology",
    )


def layout(measure: str | None = None, **_kwargs: object) -> html.Div:
    """The hub measure comes from the URL (`measure`), so a shared link opens the same view."""
    return html.Div(
        [
            html.H1("Empowerment", id="empowerment-heading"),
            html.P(id="empowerment-context", className="lead"),
            _methodology(),
            html.Div(id="empowerment-problem", **{"aria-live": "polite"}),
            _section(
                "empowerment-hubs",
                "Community hubs",
                "Where the six community hubs reach residents: visits, events, advice and "
                "help to get online, by cluster, hub and month.",
                html.Fieldset(
                    [
                        html.Legend("Show hub activity as", className="h6"),
                        dbc.RadioItems(
                            id=MEASURE_ID,
                            options=MEASURES,
                            value=measure_choice(measure),
                            inline=True,
                        ),
                    ],
                    id="empowerment-hub-measure",
                    className="empowerment-measure",
                ),
                html.Div(id="empowerment-hubs-body"),
            ),
            _section(
                "empowerment-tcca",
                "Thurrock Coronavirus Community Action (TCCA)",
                "How requests for support were met, neighbourhood by neighbourhood.",
                html.Div(id="empowerment-tcca-body"),
            ),
            _section(
                "empowerment-capacity",
                "Community capacity: what is strong",
                "The asset-based view: the volunteer time and people each neighbourhood gives, "
                "through the hubs and TCCA.",
                html.Div(id="empowerment-capacity-body"),
            ),
        ]
    )
