"""The shell: filters <-> URL query string, copy link, data-as-of."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

import dash
from dash import Input, Output, State, ctx, no_update

from dashboard import ids, queries
from dashboard.queries import WarehouseMissing, WarehouseUnreadable


def parse_search(search: str | None) -> tuple[str | None, str | None]:
    params = parse_qs((search or "").lstrip("?"))
    return params.get("period", [None])[0], params.get("area", [None])[0]


def merge_search(current: str | None, **updates: str | None) -> str:
    """The query string with `updates` applied (a blank or None value drops its key) and every
    other key kept, so a page's own state (the explorer's sort, say) survives a filter change
    and the global filters survive a page's change."""
    params = {k: v[-1] for k, v in parse_qs((current or "").lstrip("?")).items()}
    for key, value in updates.items():
        if value:
            params[key] = value
        else:
            params.pop(key, None)
    ordered = {k: params.pop(k) for k in ("period", "area") if k in params}
    ordered.update(params)
    return "?" + urlencode(ordered) if ordered else ""


def build_search(period: str | None, area: str | None, current: str | None = None) -> str:
    return merge_search(current, period=period, area=area)


def default_period() -> str | None:
    try:
        label = queries.latest_period("fy")
    except (WarehouseMissing, WarehouseUnreadable):
        return None
    return queries.period_slug(label) if label else None


def sync_filters(
    search: str | None, period: str | None, area: str | None, pathname: str | None = None
) -> tuple:
    """The URL is the state: on load and back/forward the URL sets the filters; a filter
    change writes the URL (pushing a history entry, so back undoes it). On a cluster page the
    path names the area."""
    if ctx.triggered_id in (ids.PERIOD, ids.AREA):
        return build_search(period, area, search), no_update, no_update
    url_period, url_area = parse_search(search)
    if pathname and pathname.startswith("/cluster/"):
        url_area = pathname.removeprefix("/cluster/").strip("/")
    return no_update, url_period or default_period(), url_area or "borough"


def data_as_of(_search: str | None) -> str:
    try:
        run = queries.data_as_of()
    except (WarehouseMissing, WarehouseUnreadable):
        return "No warehouse has been built yet."
    if not run:
        return "No warehouse has been built yet."
    when = run["finished_at"].strftime("%d %B %Y at %H:%M UTC")
    return f"Data as of {when} (last warehouse build: {run['n_files']} extract files)."


COPY_LINK_JS = """
function (n_clicks) {
    if (!n_clicks) { return ""; }
    const url = window.location.href;
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url);
        return "Link copied: " + url;
    }
    return "Copy this link: " + url;
}
"""


def register(app: dash.Dash) -> None:
    app.callback(
        Output(ids.URL, "search"),
        Output(ids.PERIOD, "value"),
        Output(ids.AREA, "value"),
        Input(ids.URL, "search"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
        State(ids.URL, "pathname"),
    )(sync_filters)
    app.callback(Output(ids.DATA_AS_OF, "children"), Input(ids.URL, "pathname"))(data_as_of)
    app.clientside_callback(
        COPY_LINK_JS,
        Output(ids.COPY_STATUS, "children"),
        Input(ids.COPY_LINK, "n_clicks"),
        prevent_initial_call=True,
    )
